import { BatchWriteItemCommand, ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { TableId, TableNames } from "./table-definitions";

/** Tables a ledger backup holds: everything but the snapshots, which the stream rewrites. */
export const BACKUP_TABLES: readonly TableId[] = ["orders", "cooldowns", "alerts", "status"];

/** An item exactly as DynamoDB stores it (attribute-value form, so a restore is byte-exact). */
export type RawItem = Record<string, AttributeValue>;

/** A ledger backup file: the raw items of each backed-up table. */
export interface LedgerBackup {
  format: "stratdeck-ledger-backup";
  version: 1;
  /** ms since epoch. */
  writtenAt: number;
  tables: Partial<Record<TableId, RawItem[]>>;
}

const backupSchema = z.object({
  format: z.literal("stratdeck-ledger-backup"),
  version: z.literal(1),
  writtenAt: z.number(),
  tables: z.partialRecord(
    z.enum(["orders", "cooldowns", "alerts", "status"]),
    z.array(z.record(z.string(), z.unknown())),
  ),
});

/** Parses a backup file's JSON text; throws naming `file` and what is wrong. */
export function parseLedgerBackup(text: string, file: string): LedgerBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not a StratDeck ledger backup: ${(err as Error).message}`);
  }
  const r = backupSchema.safeParse(json);
  if (!r.success)
    throw new Error(
      `${file} is not a StratDeck ledger backup: ${r.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ")}`,
    );
  return r.data as LedgerBackup;
}

/** Every item of `table` (all pages of a Scan). */
async function scanAll(doc: DynamoDBDocumentClient, table: string): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let start: RawItem | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Reads the ledger tables into a backup (`writtenAt`: ms since epoch, from the caller's clock). */
export async function exportLedger(
  doc: DynamoDBDocumentClient,
  names: TableNames,
  writtenAt: number,
): Promise<LedgerBackup> {
  const tables: Partial<Record<TableId, RawItem[]>> = {};
  for (const id of BACKUP_TABLES) tables[id] = await scanAll(doc, names[id]);
  return { format: "stratdeck-ledger-backup", version: 1, writtenAt, tables };
}

/** Writes every item of a backup into the tables (25 per BatchWriteItem, unprocessed ones re-sent). */
export async function importLedger(
  doc: DynamoDBDocumentClient,
  names: TableNames,
  backup: LedgerBackup,
): Promise<number> {
  let written = 0;
  for (const id of BACKUP_TABLES) {
    const items = backup.tables[id] ?? [];
    for (let i = 0; i < items.length; i += 25) {
      let pending: Record<string, Array<{ PutRequest: { Item: RawItem } }>> = {
        [names[id]]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      for (let attempt = 0; Object.keys(pending).length > 0; attempt++) {
        if (attempt >= 10) throw new Error(`restore: ${names[id]} kept refusing items`);
        const res = await doc.send(new BatchWriteItemCommand({ RequestItems: pending }));
        pending = (res.UnprocessedItems ?? {}) as typeof pending;
      }
      written += items.slice(i, i + 25).length;
    }
  }
  return written;
}
