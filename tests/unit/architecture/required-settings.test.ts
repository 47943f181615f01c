import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkExits,
  closePosition,
  enterAuto,
  markPositions,
  paperSettingsFromStrategies,
  parsePaperSettings,
  type CheckExitsDeps,
  type ClosePositionDeps,
  type EnterAutoDeps,
  type EntryRecords,
  type MarkPositionsDeps,
  type PaperSettings,
} from "@stratdeck/core/ledger";
import { enterIdea, enterAutomatically, type EnterIdeaDeps } from "@stratdeck/core/entry";
import { runReconcileJob } from "@stratdeck/core/orchestrator";
import { filledEntryRecords, type OrderFills } from "@stratdeck/core/venues/tastytrade";

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const files = ["core", "sim", "cli", "functions"].flatMap((p) => sources(`packages/${p}/src`));
const naming = (word: RegExp) => files.filter((f) => word.test(readFileSync(f, "utf8"))).sort();

describe("settings and the fee schedule are required parameters, never silent defaults", () => {
  it("tastytrade's published fee schedule is named only where it is defined, under the strategies' `fees:` and by the simulated broker", () => {
    expect(naming(/\bDEFAULT_FEE_SCHEDULE\b/)).toEqual(
      [
        "packages/core/src/ledger/fee-schedule.ts",
        "packages/core/src/strategies/config-validate.ts",
        "packages/sim/src/rest/order-math.ts",
      ].map((f) => join(f)),
    );
  });

  it("paper settings are parsed only from the strategies (paperSettingsFromStrategies), and nothing falls back to defaults", () => {
    expect(naming(/\bparsePaperSettings\b/)).toEqual(
      ["packages/core/src/ledger/paper-settings.ts", "packages/core/src/ledger/strategies-settings.ts"].map(
        (f) => join(f),
      ),
    );
    expect(naming(/\?\?\s*(parsePaperSettings|DEFAULT_PAPER_SETTINGS|DEFAULT_FEE_SCHEDULE)\b/)).toEqual([]);
  });
});

/**
 * Never called: each call leaves out the settings or the fee schedule, and `npm run typecheck`
 * fails ("Unused '@ts-expect-error' directive") the day one of them compiles again.
 */
export function forgottenSettings(
  deps: EnterAutoDeps & CheckExitsDeps & MarkPositionsDeps & ClosePositionDeps & EnterIdeaDeps,
  records: EntryRecords,
  fills: OrderFills,
  settings: PaperSettings,
): void {
  // @ts-expect-error the entry's settings are required
  void enterAuto(deps, [], { slot: "2026-12-07T10:00" });
  // @ts-expect-error the entry's settings are required
  void enterAutomatically(deps, [], {});
  // @ts-expect-error the strategies (entry modes, the re-entry block) are required
  void enterAutomatically({ ...deps, strategies: undefined }, [], { settings });
  // @ts-expect-error the strategies (entry modes) are required
  void enterIdea({ ...deps, strategies: undefined }, "idea", { settings });
  // @ts-expect-error the entry's settings are required
  void enterIdea(deps, "idea", { confirm: true });
  // @ts-expect-error the marks' settings (fill model, fees) are required
  void markPositions(deps);
  // @ts-expect-error the exit rules' settings are required
  void checkExits(deps);
  // @ts-expect-error the close's settings are required
  void closePosition(deps, "pos", { confirm: true });
  // @ts-expect-error the fee schedule is required
  parsePaperSettings({});
  // @ts-expect-error the strategies are required
  paperSettingsFromStrategies(undefined);
  // @ts-expect-error the fee schedule of a live fill is required
  filledEntryRecords(records, fills, []);
  // @ts-expect-error the reconcile job charges the strategies' fees
  void runReconcileJob({ orders: deps.orders, clock: deps.clock, log: deps.log, venues: deps.venues });
}
