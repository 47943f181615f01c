import { describe, expect, it } from "vitest";
import { loadConfig, validate, validateConfig } from "@stratdeck/core/config";

describe("validateConfig", () => {
  it("defaults to sim data, paper trading, disarmed, advisory filters, stratdeck-* tables", () => {
    const r = validateConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      dataMode: "sim",
      tradingMode: "paper",
      liveArmed: false,
      strictFilters: false,
      stateDir: ".stratdeck",
    });
    expect(r.config.tables.orders).toBe("stratdeck-orders");
    expect(r.config.tasty).toBeUndefined();
  });

  it("reads the DynamoDB endpoint from the SDK's own variable", () => {
    const r = validateConfig({ AWS_ENDPOINT_URL_DYNAMODB: "http://127.0.0.1:8000" });
    expect(r.ok && r.config.dynamoEndpoint).toBe("http://127.0.0.1:8000");
  });

  it("lists every bad variable at once with a human message", () => {
    const r = validateConfig({
      STRATDECK_DATA_MODE: "paperish",
      STRATDECK_TRADING_MODE: "yolo",
      STRATDECK_STRICT_FILTERS: "maybe",
      STRATDECK_TABLE_ORDERS: "x",
      AWS_ENDPOINT_URL_DYNAMODB: "not a url",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.variable).sort()).toEqual([
      "AWS_ENDPOINT_URL_DYNAMODB",
      "STRATDECK_DATA_MODE",
      "STRATDECK_STRICT_FILTERS",
      "STRATDECK_TABLE_ORDERS",
      "STRATDECK_TRADING_MODE",
    ]);
    expect(r.issues.find((i) => i.variable === "STRATDECK_DATA_MODE")?.message).toMatch(
      /must be one of sim, live \(got "paperish"\)/,
    );
  });

  it("requires both OAuth variables in live data mode and never echoes a secret", () => {
    const r = validateConfig({ STRATDECK_DATA_MODE: "live", TASTY_CLIENT_SECRET: "   " });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.variable).sort()).toEqual(["TASTY_CLIENT_SECRET", "TASTY_REFRESH_TOKEN"]);
    const bad = validateConfig({
      STRATDECK_DATA_MODE: "live",
      TASTY_CLIENT_SECRET: "cs-123456",
      TASTY_REFRESH_TOKEN: "rt-abcdef",
      TASTY_API_URL: "ftp://x",
      TASTY_IS_TEST: "perhaps",
    });
    const text = JSON.stringify(bad);
    expect(text).not.toContain("cs-123456");
    expect(text).not.toContain("rt-abcdef");
    expect(bad.ok).toBe(false);
  });

  it("parses a complete tastytrade config", () => {
    const r = validateConfig({
      STRATDECK_DATA_MODE: "LIVE",
      TASTY_CLIENT_SECRET: "cs",
      TASTY_REFRESH_TOKEN: "rt",
      TASTY_IS_TEST: "1",
      TASTY_API_URL: "http://127.0.0.1:18080",
    });
    expect(r.ok && r.config.tasty).toEqual({
      clientSecret: "cs",
      refreshToken: "rt",
      isTest: true,
      apiUrl: "http://127.0.0.1:18080",
    });
  });

  it("warns that TASTY_USER/TASTY_PASS are decommissioned, without failing", () => {
    const r = validateConfig({ TASTY_USER: "me", TASTY_PASS: "hunter22" });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message).join()).toMatch(/decommissioned password sessions/);
    expect(JSON.stringify(r)).not.toContain("hunter22");
  });

  it("arms live trading only with exactly YES, and warns when live is not armed", () => {
    expect(validateConfig({ STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_ARMED: "yes" })).toMatchObject({
      ok: true,
      config: { liveArmed: false },
    });
    const r = validateConfig({ STRATDECK_TRADING_MODE: "live" });
    expect(r.warnings.some((w) => /orders will be refused/.test(w.message))).toBe(true);
    expect(validateConfig({ STRATDECK_TRADING_MODE: "live", STRATDECK_LIVE_ARMED: "YES" })).toMatchObject({
      ok: true,
      config: { liveArmed: true },
    });
  });

  it("loadConfig throws one error naming every bad variable", () => {
    expect(() => loadConfig({ STRATDECK_DATA_MODE: "x", STRATDECK_LOG_LEVEL: "loud" })).toThrow(
      /2 problems[\s\S]*STRATDECK_DATA_MODE[\s\S]*STRATDECK_LOG_LEVEL/,
    );
  });
});

describe("validateConfig: API token and alert topic", () => {
  it("accepts a long API token and an SNS topic ARN", () => {
    const r = validateConfig({
      STRATDECK_API_TOKEN: "0123456789abcdef0123",
      STRATDECK_ALERT_TOPIC_ARN: "arn:aws:sns:us-east-1:123456789012:stratdeck-alerts",
    });
    expect(r.ok && r.config.alertTopicArn).toBe("arn:aws:sns:us-east-1:123456789012:stratdeck-alerts");
    expect(r.ok && r.config.apiToken).toBe("0123456789abcdef0123");
  });
  it("rejects a short API token without echoing it, and a malformed ARN", () => {
    const r = validateConfig({ STRATDECK_API_TOKEN: "short-secret", STRATDECK_ALERT_TOPIC_ARN: "arn:nope" });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain("short-secret");
    expect(!r.ok && r.issues.map((i) => i.variable).sort()).toEqual([
      "STRATDECK_ALERT_TOPIC_ARN",
      "STRATDECK_API_TOKEN",
    ]);
  });
});

describe("validateConfig: simulator URL", () => {
  it("keeps TASTY_API_URL without credentials so sim mode can target a running simulator", () => {
    const r = validateConfig({ TASTY_API_URL: "http://127.0.0.1:18080" });
    expect(r.ok && r.config.tastyApiUrl).toBe("http://127.0.0.1:18080");
    expect(r.ok && r.config.tasty).toBeUndefined();
  });
});

describe("validateConfig: stream write cadence", () => {
  it("defaults to a 5 s window, 10 s heartbeat and a 600-symbol cap, and reads overrides", () => {
    const d = validateConfig({});
    expect(d.ok && [d.config.streamWindowMs, d.config.streamHeartbeatMs, d.config.streamMaxOptions]).toEqual([
      5000, 10000, 600,
    ]);
    const o = validateConfig({ STRATDECK_STREAM_WINDOW_MS: "10000", STRATDECK_STREAM_HEARTBEAT_MS: "10000" });
    expect(o.ok && [o.config.streamWindowMs, o.config.streamHeartbeatMs]).toEqual([10000, 10000]);
  });
  it("rejects a non-numeric or zero window naming the variable", () => {
    const r = validateConfig({ STRATDECK_STREAM_WINDOW_MS: "1s", STRATDECK_STREAM_HEARTBEAT_MS: "0" });
    expect(!r.ok && r.issues.map((i) => i.variable).sort()).toEqual([
      "STRATDECK_STREAM_HEARTBEAT_MS",
      "STRATDECK_STREAM_WINDOW_MS",
    ]);
  });
});

describe("validate", () => {
  it("is the structured validation under its short name", () => {
    expect(validate({ STRATDECK_DATA_MODE: "x" })).toEqual(validateConfig({ STRATDECK_DATA_MODE: "x" }));
  });
});
