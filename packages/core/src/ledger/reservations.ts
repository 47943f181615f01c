import { ENTRY_LEASE_MS, takeOverIfFree } from "./claim-lease";
import type { Refusal } from "./leg-fill";
import type { RiskLimits } from "./paper-settings";
import { reclaimClaims } from "./reclaim-claims";
import { isPermanent, openEntry, releaseHolder, type ReservationStore } from "./reservation-book";
import { usd } from "./risk-rules";

export type { ReservationStore } from "./reservation-book";

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
  /** The time of the reservation, ms since epoch (its lease runs from here). */
  now: number;
  /** Lease of the claims until the position or its broker order is written, ms (default {@link ENTRY_LEASE_MS}). */
  leaseMs?: number;
}

/** Result of {@link reserveCapacity}. */
export type ReservationResult =
  | {
      ok: true;
      keys: string[];
      riskCents: number;
      /** End of the lease, ms since epoch: write the position before half of it is left. */
      leaseUntil: number;
    }
  | { ok: false; refusal: Refusal };

/** One cap as a set of numbered claims `base#0` … `base#<count-1>`. */
interface Rule {
  base: string;
  count: number;
  /** Slot claims outlive the position (never taken over from a closed holder). */
  permanent?: boolean;
  refusal: (holder: string) => Refusal;
}

/** The rules of a request, most specific first; `holder` names who holds the first claim. */
function rulesOf(r: ReservationRequest): Rule[] {
  const l = r.limits;
  return [
    {
      base: `dup|${r.strategy}|${r.underlying}|${r.expiration}`,
      count: 1,
      refusal: (holder) => ({
        code: "duplicate-exposure",
        message: `${holder} already has ${r.strategy} on ${r.underlying} expiring ${r.expiration}`,
      }),
    },
    {
      base: `strategy-underlying|${r.strategy}|${r.underlying}`,
      count: l.maxPerStrategyUnderlying,
      refusal: () => ({
        code: "max-per-strategy-underlying",
        message: `${l.maxPerStrategyUnderlying} open ${r.strategy} positions on ${r.underlying} (max ${l.maxPerStrategyUnderlying})`,
      }),
    },
    {
      base: `underlying|${r.underlying}`,
      count: l.maxPerUnderlying,
      refusal: () => ({
        code: "max-per-underlying",
        message: `${l.maxPerUnderlying} open ${r.underlying} positions (max ${l.maxPerUnderlying})`,
      }),
    },
    {
      base: `slot|${r.slot}`,
      count: l.maxEntriesPerSlot,
      permanent: true,
      refusal: () => ({
        code: "max-entries-per-slot",
        message: `slot ${r.slot} already has ${l.maxEntriesPerSlot} entries (max ${l.maxEntriesPerSlot})`,
      }),
    },
    {
      base: "open",
      count: l.maxOpenPositions,
      refusal: () => ({
        code: "max-open-positions",
        message: `${l.maxOpenPositions} open positions (max ${l.maxOpenPositions})`,
      }),
    },
  ];
}

/**
 * Who holds a claim, as a trader can check it: an open position by id, or an entry that has not
 * written its position (in progress, or stopped) with the end of its lease.
 */
export async function describeHolder(store: ReservationStore, key: string): Promise<string> {
  const claim = await store.claims.read(key);
  if (!claim) return "another entry";
  if (await store.getPosition(claim.holder)) return `open position ${claim.holder}`;
  const until =
    claim.leaseUntil === null
      ? "its lease has ended"
      : `its lease ends ${new Date(claim.leaseUntil).toISOString()}`;
  return `entry ${claim.holder} (no position written yet; ${until}, then the next run takes it over)`;
}

/**
 * Reserves capacity for a new position with conditional writes, so concurrent entry runs (any
 * process, any slot) never exceed a cap, and no write can be lost between two others:
 * 1. the holder's entry in the reservation book (its lease and the claims it will try), so a run
 *    that dies from here on is found and reclaimed by {@link reclaimClaims};
 * 2. one claim per rule, each a numbered capacity slot claimed with a put-if-absent, carrying the
 *    holder and its lease (a claim whose holder closed, or never finished before its lease ended,
 *    is taken over: `takeOverIfFree`);
 * 3. its risk counted in the book's total, in the same single write that marks it counted, under
 *    `maxTotalRiskCents` (a redelivery finds it counted and adds nothing; a failed write leaves it
 *    uncounted, so the next delivery counts it). When over the cap, stale entries are reclaimed
 *    and the count is tried once more.
 * The first failing rule refuses with its reason and what this call claimed is given back.
 *
 * Rules, most specific first (so a loser gives up before touching the shared caps): no other open
 * position with the same strategy, underlying and expiration; `maxPerStrategyUnderlying`;
 * `maxPerUnderlying`; at most `maxEntriesPerSlot` entries per slot (never released);
 * `maxOpenPositions`; total max loss ≤ `maxTotalRiskCents`.
 */
export async function reserveCapacity(
  store: ReservationStore,
  r: ReservationRequest,
): Promise<ReservationResult> {
  const leaseUntil = r.now + (r.leaseMs ?? ENTRY_LEASE_MS);
  const rules = rulesOf(r);
  const plan = rules.map(({ base, count }) => ({ base, count }));
  const opened = await openEntry(store, r.positionId, {
    riskCents: r.riskCents,
    counted: false,
    leaseUntil,
    plan,
    keys: [],
  });
  const held: string[] = [];
  const refuse = async (refusal: Refusal): Promise<ReservationResult> => {
    // A second delivery's claims are the first one's (same holder): only a new entry gives back.
    if (opened === "added") await releaseHolder(store, r.positionId, held, { keepSlot: false });
    return { ok: false, refusal };
  };
  for (const rule of rules) {
    const take = { holder: r.positionId, now: r.now, leaseUntil, permanent: rule.permanent === true };
    const key = await claimNumbered(store, rule.base, rule.count, take);
    if (!key) return refuse(rule.refusal(await describeHolder(store, `${rule.base}#0`)));
    held.push(key);
  }
  if (!(await countRisk(store, r, held))) {
    return refuse({
      code: "max-total-risk",
      message: `total risk of open positions + ${usd(r.riskCents)} > max ${usd(r.limits.maxTotalRiskCents)}`,
    });
  }
  return { ok: true, keys: held, riskCents: r.riskCents, leaseUntil };
}

/** Counts the request's risk (once per holder) under the cap; over it, reclaims stale entries and retries once. */
async function countRisk(store: ReservationStore, r: ReservationRequest, keys: string[]): Promise<boolean> {
  const max = r.limits.maxTotalRiskCents;
  let res = await store.claims.countRisk(r.positionId, r.riskCents, keys, max);
  if (res === "over-limit") {
    const swept = await reclaimClaims(store, r.now);
    if (swept.reclaimed.length + swept.released.length > 0)
      res = await store.claims.countRisk(r.positionId, r.riskCents, keys, max);
  }
  if (res === "no-entry")
    throw new Error(
      `reservation of ${r.positionId}: its book entry was reclaimed before its risk was counted (lease ended)`,
    );
  return res === "added" || res === "present";
}

/**
 * Releases a position's reservations (after its close, or when its entry did not happen): every
 * claim but the slot's (unless `keepSlot` is false), and its book entry with its risk (once: the
 * entry's removal and the subtraction are one conditional write) unless `keepRisk`.
 */
export async function releaseCapacity(
  store: ReservationStore,
  positionId: string,
  keys: readonly string[],
  options: { keepSlot?: boolean; keepRisk?: boolean } = {},
): Promise<void> {
  await releaseHolder(store, positionId, keys, {
    keepSlot: options.keepSlot !== false,
    keepEntry: options.keepRisk === true,
  });
}

/** Who takes a numbered claim, until when, and whether the claim outlives its position. */
export interface NumberedTake {
  holder: string;
  /** Ms since epoch. */
  now: number;
  /** End of the holder's lease, ms since epoch. */
  leaseUntil: number;
  permanent: boolean;
}

/**
 * Claims the first free `base#n` (n < count) for `take.holder` with its lease, else takes over one
 * whose holder is done with it (closed, or never finished before its lease ended).
 */
export async function claimNumbered(
  store: ReservationStore,
  base: string,
  count: number,
  take: NumberedTake,
): Promise<string | null> {
  for (let n = 0; n < count; n++)
    if (await store.claims.claim(`${base}#${n}`, take.holder, take.leaseUntil)) return `${base}#${n}`;
  for (let n = 0; n < count; n++)
    if (await takeOverIfFree(store.claims, store, `${base}#${n}`, take)) return `${base}#${n}`;
  return null;
}

export { isPermanent };
