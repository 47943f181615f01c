import type { Refusal } from "./leg-fill";
import type { RiskLimits } from "./paper-settings";
import { usd } from "./risk-rules";

/** The storage primitives reservations need (conditional writes only: no transactions). */
export interface ReservationPrimitives {
  /**
   * Claims `key` for `holder` unless another holder has it; true when `holder` holds it now. With
   * `strict`, true only when this call created the claim (false when `holder` already had it).
   */
  claimKey(key: string, holder: string, strict?: boolean): Promise<boolean>;
  /** Current holder of `key`, or null. */
  keyHolder(key: string): Promise<string | null>;
  /** Moves `key` from `from` to `to` if `from` still holds it; true when moved. */
  takeOverKey(key: string, from: string, to: string): Promise<boolean>;
  /** Releases `key` if `holder` holds it; true when released. */
  releaseKey(key: string, holder: string): Promise<boolean>;
  /**
   * Adds `delta` to counter `key` atomically unless the result would exceed `max` (null = no
   * limit); true when added.
   */
  addToCounter(key: string, delta: number, max: number | null): Promise<boolean>;
  /** Whether a position is closed (a closed holder's claims may be taken over). */
  isClosed(positionId: string): Promise<boolean>;
}

/** What a new position asks to reserve. */
export interface ReservationRequest {
  positionId: string;
  strategy: string;
  underlying: string;
  /** `YYYY-MM-DD`. */
  expiration: string;
  /** Schedule slot `YYYY-MM-DDTHH:MM`. */
  slot: string;
  /** Max loss of the position, cents. */
  riskCents: number;
  limits: RiskLimits;
}

/** Result of {@link reserveCapacity}. */
export type ReservationResult =
  { ok: true; keys: string[]; riskCents: number } | { ok: false; refusal: Refusal };

/** Counter of the max loss of open positions, cents. */
export const RISK_COUNTER = "risk-total";
/** The claim marking that a position's risk is counted in the total (held by the position). */
export const riskMarker = (positionId: string): string => `risk-of|${positionId}`;
/** Slot claims stay after a close: a slot's entries count even when closed again. */
const isPermanent = (key: string): boolean => key.startsWith("slot|");

/**
 * Reserves capacity for a new position with conditional writes, so concurrent entry runs (any
 * process, any slot) never exceed a cap: one claim per rule, each a numbered capacity slot claimed
 * with a put-if-absent; the total risk is a counter incremented under a condition. The first
 * failing rule refuses with its reason and every claim made so far is released. Claims of a
 * position that is already closed (a release that never happened) are taken over.
 *
 * Rules, most specific first (so a loser gives up before touching the shared caps): no other open
 * position with the same strategy, underlying and expiration; `maxPerStrategyUnderlying`;
 * `maxPerUnderlying`; at most `maxEntriesPerSlot` entries per slot (never released);
 * `maxOpenPositions`; total max loss ≤ `maxTotalRiskCents`.
 */
export async function reserveCapacity(
  store: ReservationPrimitives,
  r: ReservationRequest,
): Promise<ReservationResult> {
  const held: string[] = [];
  const undo = async (): Promise<void> => {
    for (const k of held) await store.releaseKey(k, r.positionId).catch(() => false);
  };
  const rules: { base: string; count: number; refusal: () => Promise<Refusal>; takeOver?: false }[] = [
    {
      base: `dup|${r.strategy}|${r.underlying}|${r.expiration}`,
      count: 1,
      refusal: async () => {
        const other = await store.keyHolder(`dup|${r.strategy}|${r.underlying}|${r.expiration}#0`);
        return {
          code: "duplicate-exposure",
          message: `open position ${other ?? "?"} already has ${r.strategy} on ${r.underlying} expiring ${r.expiration}`,
        };
      },
    },
    {
      base: `strategy-underlying|${r.strategy}|${r.underlying}`,
      count: r.limits.maxPerStrategyUnderlying,
      refusal: () =>
        Promise.resolve({
          code: "max-per-strategy-underlying",
          message: `${r.limits.maxPerStrategyUnderlying} open ${r.strategy} positions on ${r.underlying} (max ${r.limits.maxPerStrategyUnderlying})`,
        }),
    },
    {
      base: `underlying|${r.underlying}`,
      count: r.limits.maxPerUnderlying,
      refusal: () =>
        Promise.resolve({
          code: "max-per-underlying",
          message: `${r.limits.maxPerUnderlying} open ${r.underlying} positions (max ${r.limits.maxPerUnderlying})`,
        }),
    },
    {
      base: `slot|${r.slot}`,
      count: r.limits.maxEntriesPerSlot,
      takeOver: false,
      refusal: () =>
        Promise.resolve({
          code: "max-entries-per-slot",
          message: `slot ${r.slot} already has ${r.limits.maxEntriesPerSlot} entries (max ${r.limits.maxEntriesPerSlot})`,
        }),
    },
    {
      base: "open",
      count: r.limits.maxOpenPositions,
      refusal: () =>
        Promise.resolve({
          code: "max-open-positions",
          message: `${r.limits.maxOpenPositions} open positions (max ${r.limits.maxOpenPositions})`,
        }),
    },
  ];
  for (const rule of rules) {
    const key = await claimNumbered(store, rule.base, rule.count, r.positionId, rule.takeOver !== false);
    if (!key) {
      await undo();
      return { ok: false, refusal: await rule.refusal() };
    }
    held.push(key);
  }
  // Risk: counted once per position (a strict marker: a second delivery of the same position finds
  // it and adds nothing), under the cap.
  if (await store.claimKey(riskMarker(r.positionId), r.positionId, true)) {
    const added = await store.addToCounter(RISK_COUNTER, r.riskCents, r.limits.maxTotalRiskCents);
    if (!added) {
      await store.releaseKey(riskMarker(r.positionId), r.positionId).catch(() => false);
      await undo();
      return {
        ok: false,
        refusal: {
          code: "max-total-risk",
          message: `total risk of open positions + ${usd(r.riskCents)} > max ${usd(r.limits.maxTotalRiskCents)}`,
        },
      };
    }
  }
  return { ok: true, keys: held, riskCents: r.riskCents };
}

/**
 * Releases a position's reservations (after its close, or when its entry did not happen): every
 * claim but the slot's, and its risk (once: only the caller that removes the marker subtracts it).
 */
export async function releaseCapacity(
  store: ReservationPrimitives,
  positionId: string,
  keys: readonly string[],
  riskCents: number,
  options: { keepSlot?: boolean } = {},
): Promise<void> {
  for (const k of keys) {
    if (options.keepSlot !== false && isPermanent(k)) continue;
    await store.releaseKey(k, positionId);
  }
  if (riskCents > 0 && (await store.releaseKey(riskMarker(positionId), positionId))) {
    await store.addToCounter(RISK_COUNTER, -riskCents, null);
  }
}

/** Claims the first free `base#n` (n < count), else (with `takeOver`) one held by a closed position. */
export async function claimNumbered(
  store: ReservationPrimitives,
  base: string,
  count: number,
  holder: string,
  takeOver: boolean,
): Promise<string | null> {
  for (let n = 0; n < count; n++) if (await store.claimKey(`${base}#${n}`, holder)) return `${base}#${n}`;
  for (let n = 0; takeOver && n < count; n++) {
    const key = `${base}#${n}`;
    const other = await store.keyHolder(key);
    if (
      other &&
      other !== holder &&
      (await store.isClosed(other)) &&
      (await store.takeOverKey(key, other, holder))
    )
      return key;
  }
  return null;
}
