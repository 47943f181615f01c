/**
 * A claim: one capacity unit (or marker) held by a holder until it is released. `leaseUntil` is
 * the end of the holder's lease, ms since epoch; null for a claim written before leases existed
 * (read as already expired) or a marker that never expires by lease.
 */
export interface Claim {
  key: string;
  holder: string;
  leaseUntil: number | null;
}

/** A numbered claim an entry means to take: one of `base#0` … `base#<count-1>`. */
export interface PlannedClaim {
  base: string;
  count: number;
}

/**
 * One holder's entry in the reservation book: the in-progress record of an entry (as Powertools
 * idempotency's in-progress record), written before its first claim and removed with its release.
 */
export interface BookEntry {
  /** Max loss reserved, cents (≥ 0); counted in the total only once `counted`. */
  riskCents: number;
  /** Whether `riskCents` is in the book's total. */
  counted: boolean;
  /** End of the holder's lease, ms since epoch; null for entries migrated from before leases. */
  leaseUntil: number | null;
  /** The claims it will try (released with it when the entry never happened). */
  plan: PlannedClaim[];
  /** The claims it took (known once its risk is counted). */
  keys: string[];
}

/**
 * The reservation book: every reservation's entry and the total of their counted risk, as one item,
 * so an entry's risk and the total always change together in one conditional write (a marker
 * without its amount, or the reverse, cannot exist), and every holder can be listed and reclaimed.
 */
export interface ReservationBook {
  /** Sum of the counted entries' `riskCents`, cents. */
  totalCents: number;
  /** Entries by holder (position id). */
  entries: Record<string, BookEntry>;
}

/** Outcome of {@link ClaimStore.countRisk}. */
export type CountRiskResult = "added" | "present" | "over-limit" | "no-entry";

/**
 * Storage of claims and the reservation book: every method is one conditional write or one
 * consistent read of one item (the embedded engine has no transactions). Policy (leases, take-over,
 * caps) lives in `claim-lease`, `reservation-book` and `reservations`.
 */
export interface ClaimStore {
  /**
   * Claims `key` for `holder` until `leaseUntil` (null: no lease) unless another holder has it;
   * true when `holder` holds it now (a claim it already held gets the new lease). With `strict`,
   * true only when this call created the claim.
   */
  claim(key: string, holder: string, leaseUntil: number | null, strict?: boolean): Promise<boolean>;
  /** The claim on `key`, or null when free. */
  read(key: string): Promise<Claim | null>;
  /**
   * Replaces `current` (as read: same holder and lease) by `holder` until `leaseUntil`; false when
   * the claim changed since it was read (another taker, or a renewal, came first).
   */
  replace(current: Claim, holder: string, leaseUntil: number | null): Promise<boolean>;
  /** Releases `key` if `holder` holds it; true when released. */
  release(key: string, holder: string): Promise<boolean>;
  /** The reservation book, or null before the first reservation (or the migration). */
  readBook(): Promise<ReservationBook | null>;
  /** Writes the first reservation book unless one exists; true when written. */
  createBook(book: ReservationBook): Promise<boolean>;
  /**
   * Adds `holder`'s entry (risk not counted yet) unless it has one: `added`, `present`, or
   * `no-book` when the book does not exist yet.
   */
  openEntry(holder: string, entry: BookEntry): Promise<"added" | "present" | "no-book">;
  /** Sets the lease of `holder`'s entry; false when it has none. */
  renewEntry(holder: string, leaseUntil: number): Promise<boolean>;
  /**
   * Counts `holder`'s risk in the total and records its claims, in one write: `added`; `present`
   * when already counted (once per holder); `over-limit` when the total would exceed
   * `maxTotalCents` (null: no limit); `no-entry` when the holder has no entry.
   */
  countRisk(
    holder: string,
    riskCents: number,
    keys: string[],
    maxTotalCents: number | null,
  ): Promise<CountRiskResult>;
  /**
   * Removes `holder`'s entry, subtracting its risk when counted, in one write conditional on the
   * entry being as read (`riskCents`, `counted`); true when removed. The total never goes negative
   * and never goes down twice.
   */
  removeEntry(holder: string, seen: Pick<BookEntry, "riskCents" | "counted">): Promise<boolean>;
}
