import type { FeeBreakdown } from "./order-math";
import { dec } from "./envelope";

const effect = (x: number): string => (x >= 0 ? "Debit" : "Credit");

/**
 * `buying-power-effect` of a dry-run.
 * @param change - change in buying power, USD (positive uses buying power)
 * @param requirement - margin requirement of the order on its own, USD
 * @param current - buying power before the order, USD
 */
export function buyingPowerJson(
  change: number,
  requirement: number,
  current: number,
  isSpread: boolean,
): Record<string, unknown> {
  return {
    "change-in-margin-requirement": dec(Math.abs(change), 2),
    "change-in-margin-requirement-effect": effect(change),
    "change-in-buying-power": dec(Math.abs(change), 2),
    "change-in-buying-power-effect": effect(change),
    "current-buying-power": dec(current, 2),
    "current-buying-power-effect": "Credit",
    "new-buying-power": dec(Math.abs(current - change), 2),
    "new-buying-power-effect": current - change >= 0 ? "Credit" : "Debit",
    "isolated-order-margin-requirement": dec(requirement, 2),
    "isolated-order-margin-requirement-effect": "Debit",
    "is-spread": isSpread,
    impact: dec(Math.abs(change), 2),
    effect: effect(change),
  };
}

/** `fee-calculation` of a dry-run (every fee a debit). */
export function feeJson(fees: FeeBreakdown): Record<string, unknown> {
  return {
    "regulatory-fees": dec(fees.regulatory, 2),
    "regulatory-fees-effect": "Debit",
    "clearing-fees": dec(fees.clearing, 2),
    "clearing-fees-effect": "Debit",
    commission: dec(fees.commission, 2),
    "commission-effect": "Debit",
    "proprietary-index-option-fees": dec(fees.proprietaryIndex, 2),
    "proprietary-index-option-fees-effect": "Debit",
    "total-fees": dec(fees.total, 2),
    "total-fees-effect": "Debit",
  };
}
