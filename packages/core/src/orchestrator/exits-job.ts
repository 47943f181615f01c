import {
  checkExits,
  paperSettingsFromStrategies,
  settleExpired,
  type CheckExitsDeps,
  type PaperSettings,
  type SettleExpiredDeps,
} from "../ledger/index";
import type { GenerateIdeasDeps } from "../strategies/generate-ideas";
import type { JobRun } from "./local-scheduler";
import { NO_SETTLEMENT_SOURCE } from "./settle-job";

/** Deps of the exits cycle (without a settlement source, expired positions stay "awaiting settlement"). */
export type ExitsJobDeps = Omit<SettleExpiredDeps, "settlement"> &
  CheckExitsDeps &
  Partial<Pick<SettleExpiredDeps, "settlement">>;

/** Settles expired positions, then checks the exit rules and alerts once per position and rule. */
export async function runExitsJob(
  deps: ExitsJobDeps & Pick<GenerateIdeasDeps, "strategies">,
  _run?: JobRun,
  options: { settings?: PaperSettings } = {},
) {
  const settlement = deps.settlement ?? NO_SETTLEMENT_SOURCE;
  const settled = await settleExpired({ ...deps, settlement });
  const exits = await checkExits(deps, {
    settings: options.settings ?? paperSettingsFromStrategies(deps.strategies),
  });
  deps.log.info("orchestrator.exits", {
    checked: exits.checked,
    candidates: exits.candidates.length,
    settled: settled.settled.length,
  });
  return {
    settled: settled.settled.map((s) => s.positionId),
    awaiting: settled.awaiting,
    checked: exits.checked,
    candidates: exits.candidates,
    unpriced: exits.unpriced,
  };
}

/** What an exits run reports (the job's result in Lambda and the local scheduler). */
export async function exitsJob(deps: ExitsJobDeps & Pick<GenerateIdeasDeps, "strategies">, run: JobRun) {
  const { candidates, ...rest } = await runExitsJob(deps, run);
  return {
    ...rest,
    alerts: candidates.map((c) => ({ positionId: c.positionId, rule: c.rule, alert: c.alert })),
  };
}
