import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { silentLog } from "@stratdeck/core/log";
import { startLocalHttpServer } from "../../../packages/cli/src/local/http-server";
import { phoneBaseUrls } from "../../../packages/cli/src/local/lan-address";
import { terminalQr } from "../../../packages/cli/src/local/terminal-qr";

/** The escape that starts each ANSI colour sequence. */
const ESC = String.fromCharCode(27);

describe("reaching the phone page from the LAN", () => {
  const lan = () => ["192.168.1.20", "10.0.0.7"];

  it("a wildcard host gives each LAN address; a given host itself; a loopback host none", () => {
    expect(phoneBaseUrls("0.0.0.0", 8787, "http", lan)).toEqual([
      "http://192.168.1.20:8787",
      "http://10.0.0.7:8787",
    ]);
    expect(phoneBaseUrls("::", 8787, "https", lan)).toEqual([
      "https://192.168.1.20:8787",
      "https://10.0.0.7:8787",
    ]);
    expect(phoneBaseUrls("192.168.1.20", 9000, "http", lan)).toEqual(["http://192.168.1.20:9000"]);
    expect(phoneBaseUrls("127.0.0.1", 8787, "http", lan)).toEqual([]);
    expect(phoneBaseUrls("::1", 8787, "http", lan)).toEqual([]);
  });

  it("the QR code is a square of modules with its finder patterns, two rows a line", () => {
    const text = terminalQr("http://192.168.1.20:8787/#token=0123456789abcdef");
    const lines = text.split("\n");
    const width = [
      ...lines[0]!
        .split(ESC)
        .join("")
        .replace(/\[[\d;]*m/g, ""),
    ].length;
    // Version 3 at level L holds this URL: 29 modules + 2 × 2 quiet = 33 wide, 17 lines of 2 rows.
    expect(width).toBe(33);
    expect(lines).toHaveLength(17);
    // Row 2 (first code row, upper half of line 1): the finder pattern's 7 dark modules at columns 2-8.
    const cells = lines[1]!
      .split(ESC)
      .filter((c) => c.endsWith("▀"))
      .map((c) => c.startsWith("[30;"));
    expect(cells.slice(2, 9)).toEqual([true, true, true, true, true, true, true]);
    expect(cells[9]).toBe(false);
  });
});

describe("HTTPS with --tls-cert/--tls-key", () => {
  const dir = mkdtempSync(join(tmpdir(), "stratdeck-tls-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves the phone page over TLS with the given certificate", async () => {
    const cert = join(dir, "cert.pem");
    const key = join(dir, "key.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const server = await startLocalHttpServer({
      port: 0,
      log: silentLog,
      handle: async () => ({ status: 401, body: { error: "unauthorized" } }),
      tls: { cert: readFileSync(cert), key: readFileSync(key) },
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const page = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        get(server.url + "/", { ca: readFileSync(cert) }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString("utf8")));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        }).on("error", reject);
      });
      expect(page.status).toBe(200);
      expect(page.body).toContain("<title>StratDeck</title>");
    } finally {
      await server.stop();
    }
  });
});
