import { describe, expect, it } from "vitest";
import { createLogger, registerSecret } from "@stratdeck/core/log";

function capture() {
  const lines: string[] = [];
  const log = createLogger({ service: "test", sink: (l) => lines.push(l) });
  return { log, lines };
}

describe("logger", () => {
  it("writes one JSON object per line with the event as message and the fields", () => {
    const { log, lines } = capture();
    log.info("dxlink.connect", { url: "ws://127.0.0.1:1/realtime", attempt: 2 });
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(rec).toMatchObject({
      level: "INFO",
      message: "dxlink.connect",
      service: "test",
      url: "ws://127.0.0.1:1/realtime",
      attempt: 2,
    });
  });

  it("never prints a token: secret keys, bearer headers, and registered secret values anywhere", () => {
    const { log, lines } = capture();
    const token = "eyJhbGciOi.SECRET-ACCESS-TOKEN-123456";
    const refresh = "rt-very-secret-refresh-987654";
    registerSecret(refresh);
    log.info("rest.request", {
      accessToken: token,
      headers: { Authorization: `Bearer ${token}`, "User-Agent": "stratdeck/0.1" },
      body: { refresh_token: refresh, client_secret: "cs-abcdef" },
      note: `refresh failed for ${refresh}`,
    });
    log.child({ token }).error("rest.error", { error: new Error(`401 for Bearer ${token}`) });
    const out = lines.join("\n");
    expect(out).not.toContain("SECRET-ACCESS-TOKEN");
    expect(out).not.toContain(refresh);
    expect(out).not.toContain("cs-abcdef");
    expect(out).toContain("[REDACTED]");
    expect(out).toContain("stratdeck/0.1");
  });

  it("keeps non-secret counters and expiry fields that merely contain the word token", () => {
    const { log, lines } = capture();
    log.info("dxlink.token", {
      tokenExpiresAt: 123,
      tokenRefreshCount: 2,
      summary: { pass: 3, passed: true },
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      tokenExpiresAt: 123,
      tokenRefreshCount: 2,
      summary: { pass: 3, passed: true },
    });
    log.info("config", { TASTY_PASS: "hunter2-secret", password: "pw-123456" });
    expect(lines[1]).not.toContain("hunter2-secret");
    expect(lines[1]).not.toContain("pw-123456");
  });

  it("serialises errors with name and message", () => {
    const { log, lines } = capture();
    log.error("store.error", { error: new TypeError("boom") });
    expect((JSON.parse(lines[0]!) as { error: unknown }).error).toMatchObject({
      name: "TypeError",
      message: "boom",
    });
  });
});
