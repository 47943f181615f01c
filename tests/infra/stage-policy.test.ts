import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import config from "../../sst.config";
import { alertSubscription } from "../../stacks/alerts";
import { Storage } from "../../stacks/storage";
import { applyStagePolicy } from "../../stacks/support/stage-policy";
import { assertSecretsSet, missingSecrets } from "../../stacks/support/secrets-check";
import { buildOfflineApp } from "../../stacks/support/offline-app";

const dirs: string[] = [];
const outdir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "stratdeck-stage-"));
  dirs.push(d);
  return d;
};

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("stage policy", () => {
  it("a prod synth without ALERT_EMAIL or another subscription fails with a clear message", async () => {
    delete process.env.ALERT_EMAIL;
    delete process.env.STRATDECK_ALERTS_SUBSCRIBED_ELSEWHERE;
    delete process.env.STRATDECK_DISPOSABLE_STAGE;
    await expect(buildOfflineApp(config, { stage: "prod", outdir: outdir() })).rejects.toThrow(
      /Stage "prod" has no alert subscription: set ALERT_EMAIL=<address>.*STRATDECK_ALERTS_SUBSCRIBED_ELSEWHERE=true/,
    );
  }, 120_000);

  it("any stage not marked disposable needs a subscription; elsewhere or an address satisfies it", () => {
    expect(() => alertSubscription("dev", {})).toThrow(/Stage "dev" has no alert subscription/);
    expect(alertSubscription("dev", { STRATDECK_DISPOSABLE_STAGE: "true" })).toEqual({ elsewhere: false });
    expect(alertSubscription("prod", { STRATDECK_ALERTS_SUBSCRIBED_ELSEWHERE: "true" })).toEqual({
      elsewhere: true,
    });
    expect(alertSubscription("prod", { ALERT_EMAIL: "me@example.org" })).toEqual({
      email: "me@example.org",
      elsewhere: false,
    });
  });

  it("a deploy stops before CloudFormation when a secret is unset, naming the command", async () => {
    expect(
      missingSecrets({ TASTY_CLIENT_SECRET: { value: "x" }, TASTY_REFRESH_TOKEN: { fallback: "y" } }),
    ).toEqual(["STRATDECK_API_TOKEN"]);
    await expect(
      assertSecretsSet("prod", async () => ({ TASTY_CLIENT_SECRET: { value: "x" } })),
    ).rejects.toThrow(
      /Stage "prod" is missing secret\(s\) TASTY_REFRESH_TOKEN, STRATDECK_API_TOKEN: set each with `npx sst secrets set TASTY_REFRESH_TOKEN <value> --stage prod`/,
    );
    await expect(
      assertSecretsSet("prod", async () => ({
        TASTY_CLIENT_SECRET: { value: "x" },
        TASTY_REFRESH_TOKEN: { value: "y" },
        STRATDECK_API_TOKEN: { value: "z" },
      })),
    ).resolves.toBeUndefined();
  });

  it("a stage marked disposable deletes its tables on `sst remove` (no protection, no Retain)", async () => {
    // Only the Storage stack (no function bundles), under the same stage policy as sst.config.ts.
    const storageOnly: typeof config = {
      config: () => config.config(),
      async stacks(app) {
        applyStagePolicy(app, process.env);
        app.stack(Storage);
      },
    };
    const app = await buildOfflineApp(storageOnly, {
      stage: "scratch",
      outdir: outdir(),
      env: { STRATDECK_DISPOSABLE_STAGE: "true", STRATDECK_DEPLOY_DATE: "2026-11-02" },
    });
    const storage = app.synth().stacks.find((s) => s.stackName === "scratch-stratdeck-Storage")!;
    const tables = Object.values(
      (storage.template as { Resources: Record<string, Record<string, unknown>> }).Resources,
    ).filter((r) => r.Type === "AWS::DynamoDB::Table");
    expect(tables).toHaveLength(5);
    for (const t of tables) {
      expect((t.Properties as Record<string, unknown>).DeletionProtectionEnabled).toBe(false);
      expect(t.DeletionPolicy).toBe("Delete");
    }
  }, 120_000);
});
