import { spawn } from "node:child_process";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/** Polls `cond` until true (or throws after `timeoutMs` with `what`). */
export async function waitFor(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A loopback TCP proxy to `target` whose first `failFirst` connections are accepted and destroyed
 * at once (a failing connect), later ones piped through.
 */
export async function flakyProxy(
  target: string,
  failFirst = 1,
): Promise<{ url: string; connections: () => number; stop(): Promise<void> }> {
  const { hostname, port, pathname } = new URL(target);
  let n = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    if (n++ < failFirst) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
    upstream.on("close", end);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const p = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${p}${pathname}`,
    connections: () => n,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * dynalite (via startDynalite) in a child process on `port` (0 = free port). `stop()` kills the
 * process, so the engine vanishes like a real outage.
 */
export async function dynaliteProcess(port = 0): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const script = new URL("./dynalite-process.ts", import.meta.url).pathname;
  const child = spawn(process.execPath, ["--import", "tsx", script, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`dynalite process exited (${code})`)));
  });
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
