import {
  checkExits,
  settleExpired,
  type CheckExitsDeps,
  type SettleExpiredDeps,
} from "@stratdeck/core/paper";

/** Settles expired positions, then checks the exit rules and alerts once per position and rule. */
export async function runExitsJob(deps: SettleExpiredDeps & CheckExitsDeps) {
  const settled = await settleExpired(deps);
  const exits = await checkExits(deps);
  return {
    settled: settled.settled.map((s) => s.positionId),
    awaiting: settled.awaiting,
    checked: exits.checked,
    alerts: exits.candidates.map((c) => ({ positionId: c.positionId, rule: c.rule, alert: c.alert })),
    unpriced: exits.unpriced,
  };
}
