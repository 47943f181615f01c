import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import "../validation/zod-english";
import { storeCall } from "../storage/dynamo-batch";
import { parseItem } from "../storage/parse-item";
import { StoreError } from "../storage/store-error";
import type { BookEntry, Claim, ClaimStore, CountRiskResult, ReservationBook } from "./claim-store";

/** Claim items: each its own partition (`CAP#<key>`, sort key `CAP`), outside every index. */
const CAP_SK = "CAP";
const capKey = (key: string) => ({ pk: `CAP#${key}`, sk: CAP_SK });
/** The one item of the reservation book (`CAP#reservation-book`). */
export const BOOK_KEY = "reservation-book";

const entrySchema = z.object({
  riskCents: z.number().check(z.int(), z.gte(0)),
  counted: z.boolean(),
  leaseUntil: z.nullable(z.number()),
  plan: z.array(z.object({ base: z.string(), count: z.number().check(z.int(), z.gte(0)) })),
  keys: z.array(z.string()),
});
const bookSchema = z.looseObject({
  totalCents: z.number().check(z.int(), z.gte(0)),
  entries: z.record(z.string(), entrySchema),
});

/** Sends a conditional write; false when its condition did not hold. */
async function conditional(table: string, key: Record<string, unknown>, send: () => Promise<unknown>) {
  try {
    await storeCall(table, key, send);
    return true;
  } catch (err) {
    if (err instanceof StoreError && err.kind === "conflict") return false;
    throw err;
  }
}

/**
 * {@link ClaimStore} on the orders table: a claim is `{holder, leaseUntil}` in its own partition
 * (claims written before leases have no `leaseUntil`), and the risk book is one item whose total
 * and entries change together in one conditional update.
 */
export class DynamoClaimStore implements ClaimStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  claim(key: string, holder: string, leaseUntil: number | null, strict = false): Promise<boolean> {
    const k = capKey(key);
    const item = { ...k, holder, ...(leaseUntil !== null ? { leaseUntil } : {}) };
    return this.write(
      k,
      new PutCommand({
        TableName: this.table,
        Item: item,
        ConditionExpression: strict ? "attribute_not_exists(pk)" : "attribute_not_exists(pk) OR holder = :h",
        ...(strict ? {} : { ExpressionAttributeValues: { ":h": holder } }),
      }),
    );
  }

  async read(key: string): Promise<Claim | null> {
    const item = await this.get(capKey(key));
    if (typeof item?.holder !== "string") return null;
    return {
      key,
      holder: item.holder,
      leaseUntil: typeof item.leaseUntil === "number" ? item.leaseUntil : null,
    };
  }

  replace(current: Claim, holder: string, leaseUntil: number | null): Promise<boolean> {
    const k = capKey(current.key);
    const sameLease = current.leaseUntil === null ? "attribute_not_exists(leaseUntil)" : "leaseUntil = :u";
    return this.write(
      k,
      new PutCommand({
        TableName: this.table,
        Item: { ...k, holder, ...(leaseUntil !== null ? { leaseUntil } : {}) },
        ConditionExpression: `holder = :h AND ${sameLease}`,
        ExpressionAttributeValues: {
          ":h": current.holder,
          ...(current.leaseUntil === null ? {} : { ":u": current.leaseUntil }),
        },
      }),
    );
  }

  release(key: string, holder: string): Promise<boolean> {
    const k = capKey(key);
    return this.write(
      k,
      new DeleteCommand({
        TableName: this.table,
        Key: k,
        ConditionExpression: "holder = :h",
        ExpressionAttributeValues: { ":h": holder },
      }),
    );
  }

  async readBook(): Promise<ReservationBook | null> {
    const k = capKey(BOOK_KEY);
    const item = await this.get(k);
    if (!item) return null;
    const { totalCents, entries } = parseItem(bookSchema, item, this.table, k);
    return { totalCents, entries };
  }

  createBook(book: ReservationBook): Promise<boolean> {
    const k = capKey(BOOK_KEY);
    return this.write(
      k,
      new PutCommand({
        TableName: this.table,
        Item: { ...k, ...book },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
  }

  async openEntry(holder: string, entry: BookEntry): Promise<"added" | "present" | "no-book"> {
    // A failed write is read back: the book may have been created since (then write again).
    for (;;) {
      const added = await this.update(
        "SET #e.#h = :entry",
        "attribute_exists(#e) AND attribute_not_exists(#e.#h)",
        { names: { "#e": "entries", "#h": holder }, values: { ":entry": entry } },
      );
      if (added) return "added";
      const book = await this.readBook();
      if (!book) return "no-book";
      if (book.entries[holder]) return "present";
    }
  }

  renewEntry(holder: string, leaseUntil: number): Promise<boolean> {
    return this.update("SET #e.#h.#u = :u", "attribute_exists(#e.#h)", {
      names: { "#e": "entries", "#h": holder, "#u": "leaseUntil" },
      values: { ":u": leaseUntil },
    });
  }

  async countRisk(
    holder: string,
    riskCents: number,
    keys: string[],
    maxTotalCents: number | null,
  ): Promise<CountRiskResult> {
    const limited = maxTotalCents !== null;
    if (limited && riskCents > maxTotalCents) return "over-limit";
    const added = await this.update(
      "SET #t = #t + :r, #e.#h.#r = :r, #e.#h.#c = :yes, #e.#h.#k = :keys",
      `#e.#h.#c = :no${limited ? " AND #t <= :limit" : ""}`,
      {
        names: {
          "#t": "totalCents",
          "#e": "entries",
          "#h": holder,
          "#r": "riskCents",
          "#c": "counted",
          "#k": "keys",
        },
        values: {
          ":r": riskCents,
          ":yes": true,
          ":no": false,
          ":keys": keys,
          ...(limited ? { ":limit": maxTotalCents - riskCents } : {}),
        },
      },
    );
    if (added) return "added";
    const entry = (await this.readBook())?.entries[holder];
    return !entry ? "no-entry" : entry.counted ? "present" : "over-limit";
  }

  removeEntry(holder: string, seen: Pick<BookEntry, "riskCents" | "counted">): Promise<boolean> {
    return this.update("SET #t = #t - :sub REMOVE #e.#h", "#e.#h.#r = :r AND #e.#h.#c = :c", {
      names: { "#t": "totalCents", "#e": "entries", "#h": holder, "#r": "riskCents", "#c": "counted" },
      values: { ":sub": seen.counted ? seen.riskCents : 0, ":r": seen.riskCents, ":c": seen.counted },
    });
  }

  /** One conditional update of the reservation book. */
  private update(
    expression: string,
    condition: string,
    attrs: { names: Record<string, string>; values: Record<string, unknown> },
  ): Promise<boolean> {
    const k = capKey(BOOK_KEY);
    return this.write(
      k,
      new UpdateCommand({
        TableName: this.table,
        Key: k,
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: attrs.names,
        ExpressionAttributeValues: attrs.values,
      }),
    );
  }

  private async get(k: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const res = await storeCall(this.table, k, () =>
      this.doc.send(new GetCommand({ TableName: this.table, Key: k, ConsistentRead: true })),
    );
    return res.Item;
  }

  private write(k: Record<string, unknown>, command: PutCommand | DeleteCommand | UpdateCommand) {
    return conditional(this.table, k, () => this.doc.send(command as PutCommand));
  }
}
