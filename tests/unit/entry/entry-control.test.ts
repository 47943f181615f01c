import { PaperVenue, venuesOf } from "@stratdeck/core/venues";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { handleApiRequest } from "@stratdeck/core/api";
import {
  enterAutomatically,
  enterIdea,
  entryModeStatusId,
  MAX_IDEA_AGE_MS,
  readEntryModes,
} from "@stratdeck/core/entry";
import { silentLog } from "@stratdeck/core/log";
import { IDEAS_REPORT_ID } from "@stratdeck/core/orchestrator";
import { MemoryPaperOrderStore } from "@stratdeck/core/ledger";
import { MemoryStatusStore } from "@stratdeck/core/status";
import {
  parseStrategiesYaml,
  StrategiesConfigError,
  type Idea,
  type StrategiesConfig,
} from "@stratdeck/core/strategies";
import { FakeClock } from "@stratdeck/core/time";
import { entryMarket, putSpreadIdea, T0 } from "../ledger/fake-market";
import { memoryApiDeps, request } from "../api/api-fixtures";
import { testSettings } from "../../support/paper-settings";

const SLOT = "2026-11-25T10:00";
const PUT = "short_put_spread_index_45d";
const yaml = readFileSync("strategies.yaml", "utf8");
const mid = testSettings({ fill: { model: "mid" } });

/** strategies.yaml with `extra` lines added under the put spread (and the risk section as given). */
function strategies(own = "", risk = ""): StrategiesConfig {
  let text = yaml.replace(`  ${PUT}:\n`, `  ${PUT}:\n    enabled: true\n${own}`);
  if (risk) text = text.replace("  block_reentry_after_manual_close: true\n", risk);
  return parseStrategiesYaml(text);
}

function setup(s: StrategiesConfig = strategies()) {
  const clock = new FakeClock(T0);
  const status = new MemoryStatusStore(clock);
  const orders = new MemoryPaperOrderStore();
  const deps = {
    config: { tradingMode: "paper", liveArmed: false } as const,
    clock,
    log: silentLog,
    orders,
    provider: entryMarket(clock),
    venues: venuesOf(new PaperVenue()),
    status,
    strategies: s,
  };
  return { deps, clock, status, orders };
}

async function storeReport(status: MemoryStatusStore, ideas: Idea[]): Promise<void> {
  const report = { generatedAt: T0 - 1000, ideas, rejected: [], unbuilt: [], summary: {} };
  await status.beat(IDEAS_REPORT_ID, { report });
}

describe("entry mode in strategies.yaml", () => {
  it("defaults to auto and takes auto, manual or paused", () => {
    expect(strategies().strategies[PUT]?.entryMode).toBe("auto");
    expect(strategies("    entry: manual\n").strategies[PUT]?.entryMode).toBe("manual");
  });

  it("refuses another value, naming the key and the choices", () => {
    expect(() => strategies("    entry: sometimes\n")).toThrow(StrategiesConfigError);
    expect(() => strategies("    entry: sometimes\n")).toThrow(
      /strategies\.short_put_spread_index_45d\.entry.*must be one of auto, manual, paused \(got "sometimes"\)/,
    );
    expect(() => strategies("", "  block_reentry_after_manual_close: perhaps\n")).toThrow(
      /risk\.block_reentry_after_manual_close.*must be true or false/,
    );
  });

  it("a phone override wins over the file and says so", async () => {
    const { status } = setup();
    await status.beat(entryModeStatusId(PUT), { mode: "paused" });
    const modes = await readEntryModes(status, strategies("    entry: manual\n"));
    expect(modes[PUT]).toMatchObject({ mode: "paused", source: "override", fileMode: "manual" });
  });
});

describe("automatic entry respects entry modes and manual closes", () => {
  it("manual and paused strategies are skipped with the reason; auto enters", async () => {
    for (const [mode, entered] of [
      ["auto", 1],
      ["manual", 0],
      ["paused", 0],
    ] as const) {
      const { deps } = setup(strategies(`    entry: ${mode}\n`));
      const r = await enterAutomatically(deps, [putSpreadIdea()], { slot: SLOT, settings: mid });
      expect(r.entered).toBe(entered);
      if (entered === 0)
        expect(r.outcomes).toMatchObject([{ status: "skipped", reasons: [{ code: `entry-mode-${mode}` }] }]);
    }
  });

  it("a position closed by hand is not reopened at a later slot; other close reasons and config off do not block", async () => {
    for (const [reason, block, reopened] of [
      ["manual", undefined, false],
      ["profit-target", undefined, true],
      ["manual", "false", true],
    ] as const) {
      const s = strategies("", block ? `  block_reentry_after_manual_close: ${block}\n` : "");
      const { deps, orders } = setup(s);
      const first = await enterAutomatically(deps, [putSpreadIdea()], { slot: SLOT, settings: mid });
      const id = first.outcomes[0]?.positionId;
      if (!id) throw new Error("entered");
      const pos = await orders.getPosition(id);
      await orders.close({
        positionId: id,
        order: { ...(await orders.getOrder(`${id}:open`))!, reason, time: T0 },
        exitFeesCents: 0,
        closeReason: reason,
      });
      expect(pos?.status).toBe("open");
      const next = await enterAutomatically(deps, [putSpreadIdea()], {
        slot: "2026-11-25T10:30",
        settings: mid,
      });
      expect(next.entered).toBe(reopened ? 1 : 0);
      if (!reopened) expect(next.outcomes[0]?.reasons[0]?.code).toBe("closed-by-hand");
    }
  });
});

describe("enterIdea: one chosen idea through the entry path", () => {
  it("enters the stored idea with the asked quantity under a manual key; twice in a minute enters once", async () => {
    const { deps, status, orders } = setup(strategies("    entry: manual\n"));
    await storeReport(status, [putSpreadIdea()]);
    const r = await enterIdea(deps, putSpreadIdea().id, { quantity: 2, settings: mid });
    expect(r).toMatchObject({ status: "attempted", outcome: { status: "entered" } });
    const [open] = await orders.listOpenPositions();
    expect(open?.quantity).toBe(2);
    expect(open?.idempotencyKey).toBe(`manual|${PUT}|SPX|2026-11-25T10:00`);
    const again = await enterIdea(deps, putSpreadIdea().id, { quantity: 2, settings: mid });
    expect(again).toMatchObject({ status: "attempted", outcome: { status: "duplicate" } });
    expect(await orders.listOpenPositions()).toHaveLength(1);
  });

  it("refuses an unknown idea, a paused strategy, an old idea and a failing one with the reason", async () => {
    const { deps, status, clock } = setup();
    expect(await enterIdea(deps, "nope", { settings: mid })).toMatchObject({ status: "not-found" });
    await storeReport(status, [
      putSpreadIdea(),
      putSpreadIdea({ id: "adv", verdict: "advisory", tradable: false }),
    ]);
    expect(await enterIdea(deps, "adv", { settings: mid })).toMatchObject({
      status: "attempted",
      outcome: { status: "skipped", reasons: [{ code: "verdict" }] },
    });
    await status.beat(entryModeStatusId(PUT), { mode: "paused" });
    expect(await enterIdea(deps, putSpreadIdea().id, { settings: mid })).toMatchObject({
      status: "refused",
      reasons: [{ code: "entry-mode-paused" }],
    });
    await status.beat(entryModeStatusId(PUT), { mode: "auto" });
    clock.advance(MAX_IDEA_AGE_MS + 1);
    expect(await enterIdea(deps, putSpreadIdea().id, { settings: mid })).toMatchObject({
      status: "refused",
      reasons: [{ code: "idea-too-old" }],
    });
  });
});

describe("entry routes", () => {
  it("POST /strategies/{name}/entry-mode switches a configured strategy; bad mode 400, unconfigured 404", async () => {
    const deps = memoryApiDeps();
    const post = (name: string, body: unknown) =>
      handleApiRequest(
        deps,
        request("POST", `/strategies/${name}/entry-mode`, { body: JSON.stringify(body) }),
      );
    expect((await post(PUT, { mode: "manual" })).status).toBe(200);
    const listed = await handleApiRequest(deps, request("GET", "/strategies/entry-modes"));
    expect(listed.body).toMatchObject({
      modes: expect.arrayContaining([
        expect.objectContaining({ strategy: PUT, mode: "manual", source: "override" }),
      ]),
    });
    const bad = await post(PUT, { mode: "sometimes" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/body\.mode: must be one of auto, manual, paused/);
    const only = memoryApiDeps({ strategies: strategies() });
    delete only.strategies.strategies.iron_condor_index_30d;
    const missing = await handleApiRequest(
      only,
      request("POST", "/strategies/iron_condor_index_30d/entry-mode", { body: '{"mode":"auto"}' }),
    );
    expect(missing.status).toBe(404);
  });

  it("POST /ideas/{id}/enter: 404 for an idea not in the report, 400 for a bad quantity", async () => {
    const deps = memoryApiDeps();
    const id = encodeURIComponent(putSpreadIdea().id);
    expect((await handleApiRequest(deps, request("POST", `/ideas/${id}/enter`))).status).toBe(404);
    const bad = await handleApiRequest(
      deps,
      request("POST", `/ideas/${id}/enter`, { body: '{"quantity":0}' }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/body\.quantity: must be at least 1/);
  });
});
