import { symbolHash } from "./byte-table";
import { EVENT_TYPES } from "./event-fields";
import { COL_SYMBOL } from "./feed-plan";
import type { FeedPlans, TypePlan } from "./feed-plan";
import type { MarketBook } from "./market-book";
import { ISSUE } from "./row-stage";
import type { RowStage } from "./row-stage";

/** The frame was a FEED_DATA frame and its rows are staged. */
export const SCAN_OK = 0;
/** Not a FEED_DATA frame in the canonical layout: parse it with JSON.parse instead. */
export const SCAN_OTHER = 1;

const PREFIX = Buffer.from('{"type":"FEED_DATA","channel":', "latin1");
const DATA_KEY = Buffer.from(',"data":[', "latin1");
// Indexed like FeedPlans.byId (event type id order).
const TYPE_NAMES = EVENT_TYPES.map((t) => Buffer.from(t, "latin1"));
const NAN = Buffer.from("NaN", "latin1");
const INFINITY = Buffer.from("Infinity", "latin1");
const NEG_INFINITY = Buffer.from("-Infinity", "latin1");
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const NEG_POW10 = POW10.map((p) => 1 / p);
const MAX_EXACT = 2 ** 53;
const MAX_FAST = 1e19;
// A Buffer, like the frames ws delivers: keeps the element loads on `b` monomorphic.
const EMPTY = Buffer.alloc(0);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const RBRACE = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Decodes COMPACT FEED_DATA frames straight from the received bytes: no JSON.parse, no object per
 * event, no string per event (symbols are interned). It accepts only the canonical compact layout
 * servers emit (`{"type":"FEED_DATA","channel":N,"data":[...]}`, no whitespace); anything else —
 * other messages, other key orders, escapes, FULL format, or malformed JSON — returns
 * {@link SCAN_OTHER} and goes through JSON.parse + zod, which decides whether it is valid.
 *
 * One class on purpose: splitting the byte readers into a base class measured ~10 % slower.
 */
export class CompactScanner {
  private b: Uint8Array = EMPTY;
  /** The same bytes, for reading four at once. */
  private dv: DataView<ArrayBufferLike> = new DataView(EMPTY.buffer);
  private pos = 0;

  /** Points the cursor at the start of `frame`. */
  private reset(frame: Uint8Array): void {
    this.b = frame;
    this.dv = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    this.pos = 0;
  }

  /** Consumes `lit` if the bytes at the cursor are exactly it. */
  private literal(lit: Uint8Array): boolean {
    const b = this.b;
    const p = this.pos;
    if (p + lit.length > b.length) return false;
    for (let i = 0; i < lit.length; i++) if (b[p + i] !== lit[i]) return false;
    this.pos = p + lit.length;
    return true;
  }

  /** Reads an unsigned integer of up to 9 digits; -1 when there is none. */
  private uint(): number {
    const b = this.b;
    let p = this.pos;
    let v = 0;
    const start = p;
    while (p < b.length && b[p]! >= ZERO && b[p]! <= NINE && p - start < 9) v = v * 10 + b[p++]! - ZERO;
    this.pos = p;
    return p === start ? -1 : v;
  }

  /**
   * Skips a string value; returns its raw length, or -1 when it is not plain ASCII (escapes,
   * control or non-ASCII bytes go to the JSON.parse path, which decodes them properly).
   */
  private skipString(): number {
    const b = this.b;
    const start = ++this.pos;
    let p = start;
    for (; p < b.length; p++) {
      const c = b[p]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20 || c >= 0x80) return -1;
    }
    if (p >= b.length) return -1;
    this.pos = p + 1;
    return p - start;
  }

  /** True when `b[start, start + len)` is "NaN", "Infinity" or "-Infinity" (dxLink JSONDouble words). */
  private isJsonDoubleWord(start: number, len: number): boolean {
    const word = len === 3 ? NAN : len === 8 ? INFINITY : len === 9 ? NEG_INFINITY : null;
    if (word === null) return false;
    for (let i = 0; i < len; i++) if (this.b[start + i] !== word[i]) return false;
    return true;
  }

  /** Skips `null`, `true` or `false`. */
  private word(): boolean {
    const b = this.b;
    let p = this.pos;
    while (p < b.length && b[p]! >= 0x61 && b[p]! <= 0x7a) p++;
    const len = p - this.pos;
    this.pos = p;
    return len === 4 || len === 5;
  }

  /**
   * Parses a JSON number. An integer mantissa up to 2^53 with a decimal exponent within ±22 is
   * exact in a double, so one multiply or divide gives the correctly rounded value (the same as
   * JSON.parse). Longer mantissas (up to 19 digits, e.g. a greek printed at full precision) are
   * accumulated in floating point: within a few ulp (relative error < 1e-15), far below any tick
   * or greek resolution. Anything else falls back to Number(). Sets pos to -1 on a syntax error.
   */
  private number(): number {
    const b = this.b;
    const start = this.pos;
    let p = start;
    const neg = b[p] === MINUS;
    if (neg) p++;
    const intStart = p;
    let m = this.digits(p, 0);
    p = this.pos;
    if (p === intStart) return this.fail();
    let exp10 = 0;
    let c = b[p];
    if (c === DOT) {
      const fracStart = ++p;
      m = this.digits(p, m);
      p = this.pos;
      if (p === fracStart) return this.fail();
      exp10 = fracStart - p;
      c = b[p];
    }
    if (c === 0x65 || c === 0x45) {
      c = b[++p];
      let eneg = false;
      if (c === MINUS || c === PLUS) {
        eneg = c === MINUS;
        c = b[++p];
      }
      let e = 0;
      const expStart = p;
      while (c !== undefined && c >= ZERO && c <= NINE) {
        e = e * 10 + (c - ZERO);
        c = b[++p];
      }
      if (p === expStart) return this.fail();
      exp10 += eneg ? -e : e;
    }
    this.pos = p;
    if (m < MAX_FAST && exp10 >= -22 && exp10 <= 22) {
      // Exact mantissa: divide (correctly rounded). Longer ones are rounded already, and a
      // multiply by 10^-k is several times cheaper than a divide.
      const v =
        exp10 >= 0
          ? exp10 === 0
            ? m
            : m * POW10[exp10]!
          : m <= MAX_EXACT
            ? m / POW10[-exp10]!
            : m * NEG_POW10[-exp10]!;
      return neg ? -v : v;
    }
    return Number(Buffer.from(b.buffer, b.byteOffset + start, p - start).toString("latin1"));
  }

  /**
   * Folds the digits starting at `p` into `m` (m * 10^k + digits) and leaves pos after them.
   * Four digits at a time where possible: one 32-bit load, a SWAR "all digits?" test and two
   * multiply-adds instead of four byte steps.
   */
  private digits(p: number, m: number): number {
    const b = this.b;
    const dv = this.dv;
    const end = b.length - 4;
    while (p <= end) {
      const x = dv.getUint32(p, true);
      if (((x & 0xf0f0f0f0) | (((x + 0x06060606) & 0xf0f0f0f0) >>> 4)) !== 0x33333333) break;
      let y = x & 0x0f0f0f0f;
      y = (y * 10 + (y >>> 8)) & 0x00ff00ff;
      y = (y * 100 + (y >>> 16)) & 0x3fff;
      m = m * 10_000 + y;
      p += 4;
    }
    let c = b[p];
    while (c !== undefined && c >= ZERO && c <= NINE) {
      m = m * 10 + (c - ZERO);
      c = b[++p];
    }
    this.pos = p;
    return m;
  }

  private fail(): number {
    this.pos = -1;
    return NaN;
  }

  /** Channel of the last frame scanned, valid after {@link SCAN_OK}. */
  channel = 0;

  private book: MarketBook | null = null;

  /**
   * Stages the rows of `frame` (a complete text frame as bytes) against `book`'s symbol states;
   * see the class comment.
   */
  scan(frame: Uint8Array, plans: FeedPlans, stage: RowStage, book: MarketBook): number {
    this.reset(frame);
    this.book = book;
    stage.reset();
    if (!this.literal(PREFIX)) return SCAN_OTHER;
    const ch = this.uint();
    if (ch < 0 || !this.literal(DATA_KEY)) return this.bail(stage);
    this.channel = ch;
    const b = frame;
    if (b[this.pos] === RBRACKET) this.pos++;
    else {
      for (;;) {
        if (b[this.pos] !== QUOTE) return this.bail(stage);
        const plan = this.typePlan(plans);
        if (plan === null || b[this.pos++] !== COMMA || b[this.pos++] !== LBRACKET) return this.bail(stage);
        if (!this.rows(plan, stage)) return this.bail(stage);
        const c = b[this.pos++];
        if (c === RBRACKET) break;
        if (c !== COMMA) return this.bail(stage);
      }
    }
    if (b[this.pos++] !== RBRACE || this.pos !== b.length) return this.bail(stage);
    return SCAN_OK;
  }

  private bail(stage: RowStage): number {
    stage.reset();
    return SCAN_OTHER;
  }

  /** Reads a pair's type name; the plan, `undefined` for a type we skip, null when malformed. */
  private typePlan(plans: FeedPlans): TypePlan | undefined | null {
    const b = this.b;
    const start = ++this.pos;
    const end = b.indexOf(QUOTE, start);
    if (end < 0) return null;
    this.pos = end + 1;
    for (let t = 0; t < TYPE_NAMES.length; t++) {
      const name = TYPE_NAMES[t]!;
      if (name.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i++) same = b[start + i] === name[i];
      if (same) return plans.byId[t];
    }
    for (let i = start; i < end; i++) if (b[i] === BACKSLASH) return null;
    return undefined;
  }

  /** Stages one pair's value array (after its `[`); false when the JSON is not canonical. */
  private rows(plan: TypePlan | undefined, stage: RowStage): boolean {
    const b = this.b;
    if (b[this.pos] === RBRACKET) {
      this.pos++;
      return true;
    }
    if (plan === undefined || !plan.usable) {
      if (!this.skipValues()) return false;
      stage.issues[plan === undefined ? ISSUE.unknownType : ISSUE.noSymbolField]!++;
      return true;
    }
    const pairStart = stage.count;
    const width = plan.width;
    const cols = plan.columns;
    const typeId = plan.typeId;
    const missing = plan.missing;
    let nums = stage.nums;
    let col = 0;
    let o = 0;
    for (;;) {
      if (col === 0) {
        o = stage.beginRow(typeId, false);
        nums = stage.nums;
        for (let k = 0; k < missing.length; k++) nums[o + missing[k]!] = NaN;
      }
      const kind = cols[col]!;
      const c = b[this.pos]!;
      if (c === MINUS || (c >= ZERO && c <= NINE)) {
        const v = this.number();
        if (this.pos < 0) return false;
        if (kind >= 0) nums[o + kind] = v;
        else if (kind === COL_SYMBOL) stage.issues[ISSUE.badSymbol]!++;
      } else if (c === QUOTE) {
        if (kind === COL_SYMBOL) {
          if (!this.symbol(stage)) return false;
        } else {
          const len = this.skipString();
          if (len < 0) return false;
          if (kind >= 0) {
            nums[o + kind] = NaN;
            if (!this.isJsonDoubleWord(this.pos - 1 - len, len)) stage.issues[ISSUE.badNumber]!++;
          }
        }
      } else if (c === 0x6e || c === 0x74 || c === 0x66) {
        if (!this.word()) return false;
        if (kind >= 0) {
          nums[o + kind] = NaN;
          stage.issues[ISSUE.badNumber]!++;
        } else if (kind === COL_SYMBOL) stage.issues[ISSUE.badSymbol]!++;
      } else return false;
      if (++col === width) col = 0;
      const d = b[this.pos++];
      if (d === COMMA) continue;
      if (d === RBRACKET) break;
      return false;
    }
    if (col !== 0) {
      stage.truncate(pairStart);
      stage.issues[ISSUE.rowWidth]!++;
    }
    return true;
  }

  /** Skips a value array of scalars (after its `[`, not empty) up to and including its `]`. */
  private skipValues(): boolean {
    const b = this.b;
    for (;;) {
      const c = b[this.pos]!;
      if (c === MINUS || (c >= ZERO && c <= NINE)) {
        this.number();
        if (this.pos < 0) return false;
      } else if (c === QUOTE) {
        if (this.skipString() < 0) return false;
      } else if (!this.word()) return false;
      const d = b[this.pos++];
      if (d === COMMA) continue;
      return d === RBRACKET;
    }
  }

  /** Resolves a symbol string (cursor on its opening quote); false when it needs unescaping. */
  private symbol(stage: RowStage): boolean {
    const len = this.skipString();
    if (len <= 0) return false;
    const end = this.pos - 1;
    const start = end - len;
    const b = this.b;
    const dv = this.dv;
    stage.states[stage.count - 1] = this.book!.stateForBytes(
      b,
      dv,
      start,
      end,
      symbolHash(b, dv, start, end),
    );
    return true;
  }
}
