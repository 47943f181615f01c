import type { IGrantable } from "aws-cdk-lib/aws-iam";
import { tableEnvVar, type TableId } from "@stratdeck/core/storage";
import type { StorageTables } from "../storage";

/** How a workload may use a table: only read, only write, or both. */
export type Access = "read" | "write" | "readwrite";

/** The tables a workload may reach and how; every other table is out of reach. */
export type TableAccess = Partial<Record<TableId, Access>>;

/**
 * The DynamoDB actions each table's adapter actually sends (packages/core/src/**\/dynamo-*.ts), by
 * direction. Nothing else is ever granted: no Scan, no streams, no ConditionCheckItem, and no
 * DeleteItem on the append-only order log.
 */
export const TABLE_ACTIONS: Readonly<Record<TableId, Readonly<Record<"read" | "write", readonly string[]>>>> =
  {
    // DynamoSnapshotStore: BatchGetItem / BatchWriteItem (batch helpers).
    snapshots: { read: ["dynamodb:BatchGetItem"], write: ["dynamodb:BatchWriteItem"] },
    // DynamoCooldownStore: GetItem / PutItem.
    cooldowns: { read: ["dynamodb:GetItem"], write: ["dynamodb:PutItem"] },
    // DynamoPaperOrderStore: GetItem and Query (open-positions, orders-by-time) / conditional PutItem.
    orders: { read: ["dynamodb:GetItem", "dynamodb:Query"], write: ["dynamodb:PutItem"] },
    // DynamoAlertStore: GetItem and Query (alerts-by-time) / conditional PutItem, DeleteItem (release).
    alerts: {
      read: ["dynamodb:GetItem", "dynamodb:Query"],
      write: ["dynamodb:PutItem", "dynamodb:DeleteItem"],
    },
    // DynamoStatusStore: GetItem / PutItem.
    status: { read: ["dynamodb:GetItem"], write: ["dynamodb:PutItem"] },
  };

/** The exact DynamoDB actions of one access mode on one table. */
export function tableActions(id: TableId, mode: Access): string[] {
  const a = TABLE_ACTIONS[id];
  return mode === "read" ? [...a.read] : mode === "write" ? [...a.write] : [...a.read, ...a.write];
}

/**
 * Grants exactly the listed tables (and their indexes) the actions their adapters send to `grantee`
 * and returns the environment variables (`STRATDECK_TABLE_<ID>`) that tell the workload their
 * physical names.
 */
export function grantTables(
  grantee: IGrantable,
  tables: StorageTables,
  access: TableAccess,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [id, mode] of Object.entries(access) as [TableId, Access][]) {
    const table = tables[id];
    table.grant(grantee, ...tableActions(id, mode));
    env[tableEnvVar(id)] = table.tableName;
  }
  return env;
}
