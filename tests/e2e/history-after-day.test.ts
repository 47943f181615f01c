import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { HistoryReport } from "@stratdeck/core/ledger";
import { engineTargets } from "../support/engines";

const BIN = join(process.cwd(), "packages/cli/bin/stratdeck.mjs");

function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: process.cwd() });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

describe("stratdeck history --json after stratdeck day", () => {
  const state = mkdtempSync(join(tmpdir(), "stratdeck-history-"));
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it("lists the day's closed trades with totals equal to the sum of the trades", async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_ENDPOINT_URL_DYNAMODB: engineTargets()[0]!.endpoint!,
      AWS_REGION: "us-east-1",
      STRATDECK_TABLE_PREFIX: `hist${randomUUID().slice(0, 6)}`,
      STRATDECK_STATE_DIR: state,
      STRATDECK_LOG_LEVEL: "WARN",
    };
    const day = await cli(
      [
        "day",
        "--seed",
        "1",
        "--date",
        "2026-12-02",
        "--strategy",
        "all",
        "--max-positions",
        "3",
        "--close-on-alert",
        "--json",
      ],
      env,
    );
    expect(day.code, day.err.slice(-2000)).toBe(0);
    const report = JSON.parse(day.out) as {
      closes: { positionId: string; grossCents: number; feesCents: number; netCents: number }[];
      ledger: string;
      history: { trades: Array<{ positionId: string; netCents: number }> };
    };
    expect(report.closes.length).toBeGreaterThan(0);
    // The day says where its trades are kept and ends with its own history, one trade per close.
    expect(report.ledger).toContain("AWS_ENDPOINT_URL_DYNAMODB");
    expect(report.history.trades.map((t) => [t.positionId, t.netCents]).sort()).toEqual(
      report.closes.map((c) => [c.positionId, c.netCents]).sort(),
    );

    const hist = await cli(["history", "--json"], env);
    expect(hist.code, hist.err.slice(-2000)).toBe(0);
    const h = JSON.parse(hist.out) as HistoryReport;
    // Every position the day closed is a trade, with the same figures.
    expect(h.trades.map((t) => t.positionId).sort()).toEqual(report.closes.map((c) => c.positionId).sort());
    for (const c of report.closes) {
      expect(h.trades.find((t) => t.positionId === c.positionId)).toMatchObject({
        grossCents: c.grossCents,
        feesCents: c.feesCents,
        netCents: c.netCents,
      });
    }
    const sum = (k: "grossCents" | "feesCents" | "netCents") => h.trades.reduce((s, t) => s + t[k], 0);
    expect(h.totals).toMatchObject({
      trades: h.trades.length,
      grossCents: sum("grossCents"),
      feesCents: sum("feesCents"),
      netCents: sum("netCents"),
      wins: h.trades.filter((t) => t.netCents > 0).length,
    });
    for (const t of h.trades) {
      expect(t.netCents).toBe(t.grossCents - t.feesCents);
      expect(t.feesCents).toBeGreaterThan(0);
      // Instants in JSON are ISO 8601 with an offset, never epoch milliseconds.
      const [opened, closed] = [t.openedAt, t.closedAt] as unknown as [string, string];
      expect(closed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/);
      expect(t.holdMs).toBe(Date.parse(closed) - Date.parse(opened));
    }
    expect(h.equityCurve.at(-1)?.cumulativeNetCents).toBe(h.totals.netCents);
    console.log(
      `[history] ${h.totals.trades} trades, net ${h.totals.netCents}¢ (gross ${h.totals.grossCents}¢, fees ${h.totals.feesCents}¢)`,
    );
  }, 240_000);
});
