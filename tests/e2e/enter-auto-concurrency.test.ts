import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PAPER_SETTINGS, DynamoPaperOrderStore } from "@stratdeck/core/ledger";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { createDocumentClient, defaultTableNames, ensureTables } from "@stratdeck/core/storage";
import { engineTargets } from "../support/engines";

const target = engineTargets().find((t) => t.name === "dynamodb-local")!;
const suite = target.endpoint ? describe : describe.skip;
const BIN = join(process.cwd(), "packages/cli/bin/stratdeck.mjs");

/** Runs one `stratdeck enter-auto --json` as its own process; resolves with its exit code and JSON. */
function enterAuto(
  env: NodeJS.ProcessEnv,
  slot: string,
): Promise<{ code: number | null; json: unknown; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "enter-auto", "--slot", slot, "--json"], {
      env,
      cwd: process.cwd(),
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      let json: unknown = null;
      try {
        json = JSON.parse(out);
      } catch {
        json = null;
      }
      resolve({ code, json, err });
    });
  });
}

suite(`10 concurrent enter-auto processes against one DynamoDB Local [${target.name}]`, () => {
  let sim: RunningSimulator;
  let state: string;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 1 });
    state = mkdtempSync(join(tmpdir(), "stratdeck-concurrency-"));
  });
  afterAll(async () => {
    await sim?.stop();
    rmSync(state, { recursive: true, force: true });
  });

  it("open no duplicate and exceed no cap (positions, per underlying, per strategy+underlying, risk, per slot)", async () => {
    const prefix = `conc${randomUUID().slice(0, 6)}`;
    const tables = defaultTableNames(prefix);
    await ensureTables({ endpoint: target.endpoint! }, tables);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_ENDPOINT_URL_DYNAMODB: target.endpoint!,
      AWS_REGION: "us-east-1",
      STRATDECK_TABLE_PREFIX: prefix,
      STRATDECK_STATE_DIR: state,
      TASTY_API_URL: sim.restUrl,
      STRATDECK_LOG_LEVEL: "WARN",
    };
    const slots = Array.from(
      { length: 10 },
      (_, i) => `2026-12-02T${String(10 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
    );
    const runs = await Promise.all(slots.map((s) => enterAuto(env, s)));
    for (const r of runs) expect(r.code, r.err.slice(-2000)).toBe(0);
    const entered = runs.reduce((n, r) => n + ((r.json as { entered: number }).entered ?? 0), 0);

    const store = new DynamoPaperOrderStore(
      createDocumentClient({ endpoint: target.endpoint! }),
      tables.orders,
    );
    const open = await store.listOpenPositions();
    const limits = DEFAULT_PAPER_SETTINGS.risk;
    // Not hollow: the runs did enter, and every entry is an open position.
    expect(entered).toBeGreaterThan(0);
    expect(open).toHaveLength(entered);
    expect(open.length).toBeLessThanOrEqual(limits.maxOpenPositions);
    const count = (key: (p: (typeof open)[number]) => string) => {
      const m = new Map<string, number>();
      for (const p of open) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
      return Math.max(0, ...m.values());
    };
    expect(count((p) => `${p.strategy}|${p.underlying}|${p.expiration}`)).toBe(1);
    expect(count((p) => p.underlying)).toBeLessThanOrEqual(limits.maxPerUnderlying);
    expect(count((p) => `${p.strategy}|${p.underlying}`)).toBeLessThanOrEqual(
      limits.maxPerStrategyUnderlying,
    );
    expect(count((p) => p.idempotencyKey.split("|")[2]!)).toBeLessThanOrEqual(limits.maxEntriesPerSlot);
    expect(open.reduce((s, p) => s + p.maxLossCents, 0)).toBeLessThanOrEqual(limits.maxTotalRiskCents);
    // Every refusal says why.
    const refused = runs.flatMap((r) =>
      (
        (r.json as { outcomes: { status: string; reasons: { code: string; message: string }[] }[] })
          .outcomes ?? []
      ).filter((o) => o.status === "refused"),
    );
    for (const o of refused) expect(o.reasons.length).toBeGreaterThan(0);
    console.log(
      `[concurrency] 10 processes: ${entered} entered, ${refused.length} refused (${[...new Set(refused.flatMap((o) => o.reasons.map((x) => x.code)))].join(", ")})`,
    );
  }, 240_000);
});
