import { ACCEPT_EVENT_FIELDS, EVENT_SLOTS, EVENT_TYPE_ID, EVENT_TYPES, isEventType } from "./event-fields";
import type { EventType } from "./event-fields";

/** Column marker: the column holds the event symbol. */
export const COL_SYMBOL = -1;
/** Column marker: the column is not used (eventType, or a field we did not ask for). */
export const COL_SKIP = -2;

/**
 * How to read one event type's COMPACT rows: row width and, per column, the numeric slot it fills
 * (or {@link COL_SYMBOL} / {@link COL_SKIP}). Precomputed once per FEED_CONFIG so decoding never
 * looks a field up by name.
 */
export interface TypePlan {
  type: EventType;
  typeId: number;
  /** Values per row (the length of the type's eventFields). */
  width: number;
  columns: Int8Array;
  /** False when the field list has no eventSymbol (rows of such a type cannot be used). */
  usable: boolean;
  /** Numeric slots no column fills (set absent on every row). */
  missing: Int8Array;
}

/** Builds the plan of a type from its field list. */
export function planFor(type: EventType, fields: readonly string[]): TypePlan {
  const slots = EVENT_SLOTS[type];
  const columns = new Int8Array(fields.length);
  let usable = false;
  fields.forEach((f, i) => {
    if (f === "eventSymbol") {
      columns[i] = COL_SYMBOL;
      usable = true;
    } else {
      const slot = slots.indexOf(f);
      columns[i] = slot >= 0 ? slot : COL_SKIP;
    }
  });
  const missing = Int8Array.from(slots.flatMap((f, k) => (fields.includes(f) ? [] : [k])));
  return { type, typeId: EVENT_TYPE_ID[type], width: fields.length, columns, usable, missing };
}

/**
 * The current decoding plans of a feed channel. Starts from the fields we asked for (tastytrade's
 * FEED_CONFIG often omits `eventFields`, and rows then follow the requested order) and switches to
 * the server's list when a FEED_CONFIG names one.
 */
export class FeedPlans {
  /** Indexed by event type id. */
  readonly byId: TypePlan[];

  constructor(accepted: Readonly<Record<EventType, readonly string[]>> = ACCEPT_EVENT_FIELDS) {
    this.byId = EVENT_TYPES.map((t) => planFor(t, accepted[t]));
  }

  /** Applies a FEED_CONFIG's `eventFields` (types we do not know are ignored). */
  update(eventFields: Readonly<Record<string, readonly string[]>> | undefined): void {
    if (!eventFields) return;
    for (const [type, fields] of Object.entries(eventFields)) {
      if (isEventType(type)) this.byId[EVENT_TYPE_ID[type]] = planFor(type, fields);
    }
  }

  /** The plan of a type name, or undefined for types we do not decode. */
  get(type: string): TypePlan | undefined {
    return isEventType(type) ? this.byId[EVENT_TYPE_ID[type]] : undefined;
  }
}
