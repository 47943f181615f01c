/** A schedule slot: the New York wall-clock minute a scheduled run belongs to, `YYYY-MM-DDTHH:MM`. */
const SLOT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * True for a well-formed slot (`YYYY-MM-DDTHH:MM`, New York time): what `slotOf` from
 * `@stratdeck/core/orchestrator` returns for the *scheduled* time of a run.
 */
export function isSlot(slot: string): boolean {
  if (!SLOT_PATTERN.test(slot)) return false;
  const [h, m] = slot.slice(11).split(":").map(Number) as [number, number];
  return h < 24 && m < 60 && !Number.isNaN(Date.parse(`${slot.slice(0, 10)}T00:00:00Z`));
}

/**
 * The idempotency key of an automatic entry: one entry per strategy, underlying and slot, so an
 * at-least-once redelivery of the same scheduled run writes nothing new.
 */
export function entryKey(strategy: string, underlying: string, slot: string): string {
  if (!isSlot(slot)) throw new RangeError(`slot must be a New York minute YYYY-MM-DDTHH:MM, got ${slot}`);
  return `${strategy}|${underlying}|${slot}`;
}
