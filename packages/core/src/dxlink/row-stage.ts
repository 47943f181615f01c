import { MAX_SLOTS } from "./event-fields";
import type { SymbolState } from "./market-book";

/** Kinds of bad input inside FEED_DATA that are skipped (and logged once per kind). */
export const ISSUE_KINDS = [
  "row-width",
  "bad-symbol",
  "bad-number",
  "unknown-event-type",
  "no-symbol-field",
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/** Index of an issue kind in {@link RowStage.issues}. */
export const ISSUE = {
  rowWidth: 0,
  badSymbol: 1,
  badNumber: 2,
  unknownType: 3,
  noSymbolField: 4,
} as const;

/**
 * Reusable staging area for the rows of one FEED_DATA frame. Rows are committed to the book only
 * after the whole frame decoded, so a frame that turns out malformed changes nothing. Buffers
 * grow by doubling and are reused: decoding allocates nothing per event.
 */
export class RowStage {
  typeIds = new Uint8Array(256);
  /** The symbol state each row updates; null when the row is invalid and must be skipped. */
  states: (SymbolState | null)[] = new Array<SymbolState | null>(256).fill(null);
  nums = new Float64Array(256 * MAX_SLOTS);
  count = 0;
  readonly issues = new Int32Array(ISSUE_KINDS.length);

  /** Forgets staged rows and issue counts. */
  reset(): void {
    this.count = 0;
    this.issues.fill(0);
  }

  /**
   * Starts a row of `typeId`; returns its slot offset. With `prefill` every slot starts absent
   * (NaN); without it the caller writes the slots.
   */
  beginRow(typeId: number, prefill = true): number {
    if (this.count === this.typeIds.length) this.grow();
    const i = this.count++;
    this.typeIds[i] = typeId;
    this.states[i] = null;
    const o = i * MAX_SLOTS;
    if (prefill) this.nums.fill(NaN, o, o + MAX_SLOTS);
    return o;
  }

  /** Drops rows staged after `count` (a pair found malformed). */
  truncate(count: number): void {
    this.count = count;
  }

  /** True when any issue was counted since the last reset. */
  hasIssues(): boolean {
    for (let k = 0; k < this.issues.length; k++) if (this.issues[k]! > 0) return true;
    return false;
  }

  private grow(): void {
    const cap = this.typeIds.length * 2;
    const t = new Uint8Array(cap);
    t.set(this.typeIds);
    this.typeIds = t;
    const n = new Float64Array(cap * MAX_SLOTS);
    n.set(this.nums);
    this.nums = n;
    for (let k = this.states.length; k < cap; k++) this.states.push(null);
  }
}
