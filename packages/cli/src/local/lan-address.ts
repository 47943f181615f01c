import { networkInterfaces } from "node:os";

/** Hosts that bind every interface. */
const ANY = new Set(["0.0.0.0", "::", "[::]"]);
/** Hosts a phone cannot reach (they name the machine itself). */
const LOOPBACK = /^(127\.|localhost$|::1$|\[::1\]$)/;

/** The machine's non-internal IPv4 addresses, e.g. `192.168.1.20` (what a phone on the LAN dials). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === "IPv4" && !i.internal)
    .map((i) => i.address);
}

/**
 * The base URLs a phone can open for an API bound to `host` and `port`: each LAN address when it
 * binds every interface, the host itself when one was given, none for a loopback host.
 */
export function phoneBaseUrls(
  host: string,
  port: number,
  scheme: "http" | "https",
  lan: () => string[] = lanAddresses,
): string[] {
  if (LOOPBACK.test(host)) return [];
  const hosts = ANY.has(host) ? lan() : [host.includes(":") && !host.startsWith("[") ? `[${host}]` : host];
  return hosts.map((h) => `${scheme}://${h}:${port}`);
}
