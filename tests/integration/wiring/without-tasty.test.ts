import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import { loadConfig, validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { buildDeps } from "@stratdeck/core/wiring";
import { engineTargets } from "../../support/engines";

const TOKEN = "test-token-0123456789abcdef";

describe("a function without the tastytrade secrets (GET /orders, /alerts)", () => {
  const [dynalite] = engineTargets();
  const env = {
    STRATDECK_DATA_MODE: "live",
    AWS_ENDPOINT_URL_DYNAMODB: dynalite!.endpoint!,
    STRATDECK_TABLE_PREFIX: `nt${Date.now().toString(36)}`,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  };

  it("live mode still requires TASTY_* unless the shell declares tastytrade unused", () => {
    const strict = validateConfig(env);
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.issues.map((i) => i.variable)).toContain("TASTY_CLIENT_SECRET");
    expect(validateConfig(env, { tastyUnused: true }).ok).toBe(true);
  });

  it("serves GET /orders from DynamoDB; any tastytrade call fails naming why", async () => {
    const { config } = loadConfig(env, { tastyUnused: true });
    const deps = await buildDeps(config, { log: silentLog, withoutTasty: true });
    try {
      const r = await handleApiRequest(
        { ...deps, apiToken: TOKEN },
        {
          method: "GET",
          path: "/orders",
          headers: { authorization: `Bearer ${TOKEN}` },
          query: {},
        },
      );
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ orders: [] });
      expect(() => deps.rest.accessToken()).toThrow(/tastytrade is not configured for this function/);
    } finally {
      await deps.close();
    }
  });
});
