import { nyParts } from "../time/new-york";

/**
 * The scheduled slot an instant belongs to: the New York date and the minute rounded down to the
 * job period, e.g. `2026-11-25T10:30`. Entries and alerts key their idempotency on it, so an
 * at-least-once duplicate of the same run writes nothing new.
 */
export function slotOf(ms: number, everyMinutes: number): string {
  const p = nyParts(ms);
  const m = p.minuteOfDay - (p.minuteOfDay % everyMinutes);
  const hh = String(Math.floor(m / 60)).padStart(2, "0");
  const mm = String(m % 60).padStart(2, "0");
  return `${p.date}T${hh}:${mm}`;
}
