import type { Log } from "../log/log";

/**
 * Tallies order-log records read in place as events (records written before the ledger had
 * events: nothing is migrated) and logs it once per store and listing (info `ledger.legacy-read`
 * with `listing: open | closed`), so an operator sees the old data was taken in.
 */
export class LegacyReads {
  private log: Log | null = null;
  /** Records read as events, by position id. */
  private readonly byPosition = new Map<string, number>();
  private readonly logged = new Set<string>();

  /** Where the one line goes (without a log nothing is logged). */
  reportTo(log: Log): void {
    this.log = log;
  }

  /** Notes how many of a position's records were read as events. */
  note(positionId: string, records: number): void {
    if (records > 0) this.byPosition.set(positionId, records);
  }

  /** Logs, once per listing kind, the records its positions (`ids`) had read as events, if any. */
  flush(listing: "open" | "closed", ids: readonly string[]): void {
    if (this.logged.has(listing) || !this.log) return;
    const counts = ids.map((id) => this.byPosition.get(id) ?? 0).filter((n) => n > 0);
    if (counts.length === 0) return;
    this.logged.add(listing);
    this.log.info("ledger.legacy-read", {
      listing,
      records: counts.reduce((a, b) => a + b, 0),
      positions: counts.length,
      note: "order records from before the ledger had events, read in place as events (not migrated)",
    });
  }
}
