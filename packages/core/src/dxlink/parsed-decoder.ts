import { EVENT_SLOTS, EVENT_TYPE_ID, isEventType } from "./event-fields";
import { COL_SYMBOL } from "./feed-plan";
import type { FeedPlans, TypePlan } from "./feed-plan";
import { ISSUE } from "./row-stage";
import type { RowStage } from "./row-stage";
import type { MarketBook } from "./market-book";

/**
 * A dxLink JSONDouble as a number: JSON numbers pass, the strings "NaN", "Infinity" and
 * "-Infinity" become NaN (absent). Anything else is NaN too and reported through `bad`.
 */
export function jsonDouble(v: unknown, bad?: () => void): number {
  if (typeof v === "number") return v;
  if (v !== "NaN" && v !== "Infinity" && v !== "-Infinity") bad?.();
  return NaN;
}

/**
 * Stages the events of an already parsed FEED_DATA `data` array: every `[type, values]` pair of
 * the COMPACT format (not only the first), or FULL-format event objects. The slow path behind
 * the byte scanner; same rules: bad rows and pairs are skipped and counted. Returns false when
 * `data` is not a FEED_DATA payload at all.
 */
export function stageParsedData(
  data: readonly unknown[],
  plans: FeedPlans,
  stage: RowStage,
  book: MarketBook,
): boolean {
  stage.reset();
  if (data.length === 0) return true;
  if (typeof data[0] === "object" && data[0] !== null) return stageFull(data, stage, book);
  if (data.length % 2 !== 0) return false;
  for (let i = 0; i < data.length; i += 2) {
    const type = data[i];
    const values = data[i + 1];
    if (typeof type !== "string" || !Array.isArray(values)) return false;
    const plan = plans.get(type);
    if (!plan) stage.issues[ISSUE.unknownType]!++;
    else if (!plan.usable) stage.issues[ISSUE.noSymbolField]!++;
    else stagePair(plan, values, stage, book);
  }
  return true;
}

function stagePair(plan: TypePlan, values: readonly unknown[], stage: RowStage, book: MarketBook): void {
  if (values.length % plan.width !== 0) {
    stage.issues[ISSUE.rowWidth]!++;
    return;
  }
  const bad = (): void => {
    stage.issues[ISSUE.badNumber]!++;
  };
  for (let r = 0; r < values.length; r += plan.width) {
    const o = stage.beginRow(plan.typeId);
    for (let c = 0; c < plan.width; c++) {
      const kind = plan.columns[c]!;
      const v = values[r + c];
      if (kind === COL_SYMBOL) {
        if (typeof v === "string" && v.length > 0) stage.states[stage.count - 1] = book.stateFor(v);
        else stage.issues[ISSUE.badSymbol]!++;
      } else if (kind >= 0) stage.nums[o + kind] = jsonDouble(v, bad);
    }
  }
}

function stageFull(events: readonly unknown[], stage: RowStage, book: MarketBook): boolean {
  const bad = (): void => {
    stage.issues[ISSUE.badNumber]!++;
  };
  for (const e of events) {
    if (typeof e !== "object" || e === null) return false;
    const ev = e as Record<string, unknown>;
    const type = ev.eventType;
    if (typeof type !== "string" || !isEventType(type)) {
      stage.issues[ISSUE.unknownType]!++;
      continue;
    }
    if (typeof ev.eventSymbol !== "string" || ev.eventSymbol.length === 0) {
      stage.issues[ISSUE.badSymbol]!++;
      continue;
    }
    const slots = EVENT_SLOTS[type];
    const o = stage.beginRow(EVENT_TYPE_ID[type]);
    stage.states[stage.count - 1] = book.stateFor(ev.eventSymbol);
    for (let k = 0; k < slots.length; k++) {
      const v = ev[slots[k]!];
      if (v !== undefined) stage.nums[o + k] = jsonDouble(v, bad);
    }
  }
  return true;
}
