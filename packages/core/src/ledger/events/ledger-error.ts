/** Why the ledger refused an event. */
export type LedgerErrorCode =
  /** The event does not match its schema (a field is missing or has a wrong type or value). */
  | "ledger-event-invalid"
  /** The event names a position the ledger does not have. */
  | "ledger-unknown-position"
  /** A fill larger than its order's remaining quantity, or a close larger than what is open. */
  | "ledger-overfill"
  /** The same event id was appended before with different content. */
  | "ledger-event-conflict"
  /** Other events kept taking the position's next slot; nothing was written (try again). */
  | "ledger-busy";

/**
 * A refused ledger event, in the one error contract: a stable kebab-case `code`, a message naming
 * the field, the position and the event, and `details()` for a JSON error body.
 */
export class LedgerError extends Error {
  override readonly name = "LedgerError";
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    readonly positionId: string | null,
    readonly eventId: string | null,
  ) {
    super(message);
  }

  /** The fields a JSON error carries besides the message. */
  details(): Record<string, unknown> {
    return { code: this.code, positionId: this.positionId, eventId: this.eventId };
  }
}
