/**
 * The one source of every DynamoDB table's shape. The SST stacks, the local engine bootstrap and
 * the tests all read these definitions, so a key or index is never spelled twice.
 */

/** A key attribute: its name and DynamoDB scalar type. */
export interface KeyAttribute {
  name: string;
  type: "S" | "N";
}

/** A global secondary index (projection: ALL). */
export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

/** A table as the application sees it, before a stage prefix is applied. */
export interface TableDefinition {
  /** Logical id (used for construct ids, env var names and default physical names). */
  id: TableId;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  indexes: readonly IndexDefinition[];
  /** Attribute holding an epoch-seconds expiry, for cleanup only (never relied on for behaviour). */
  ttlAttribute?: string;
  /** Point-in-time recovery (the order log is the only irreplaceable data). */
  pointInTimeRecovery: boolean;
  /** What the table holds, for humans and the README. */
  description: string;
}

export type TableId = "snapshots" | "cooldowns" | "orders" | "alerts" | "status";

export const TABLES: Readonly<Record<TableId, TableDefinition>> = {
  snapshots: {
    id: "snapshots",
    partitionKey: { name: "symbol", type: "S" },
    indexes: [],
    ttlAttribute: "expiresAt",
    pointInTimeRecovery: false,
    description: "Latest coalesced quote/greeks snapshot per streamer symbol, written by the stream task",
  },
  cooldowns: {
    id: "cooldowns",
    partitionKey: { name: "symbol", type: "S" },
    indexes: [],
    ttlAttribute: "expiresAt",
    pointInTimeRecovery: false,
    description: "REST rate-limit cooldowns per symbol after an HTTP 429",
  },
  orders: {
    id: "orders",
    partitionKey: { name: "pk", type: "S" },
    sortKey: { name: "sk", type: "S" },
    indexes: [
      {
        indexName: "open-positions",
        partitionKey: { name: "openFlag", type: "S" },
        sortKey: { name: "openedAt", type: "N" },
      },
      {
        indexName: "orders-by-time",
        partitionKey: { name: "orderStream", type: "S" },
        sortKey: { name: "time", type: "N" },
      },
    ],
    pointInTimeRecovery: true,
    description: "Append-only paper/live order log plus one position record per position",
  },
  alerts: {
    id: "alerts",
    partitionKey: { name: "alertKey", type: "S" },
    indexes: [
      {
        indexName: "alerts-by-time",
        partitionKey: { name: "alertStream", type: "S" },
        sortKey: { name: "sentAt", type: "N" },
      },
    ],
    ttlAttribute: "expiresAt",
    pointInTimeRecovery: false,
    description: "Sent exit alerts (deduplication by position and rule) and their history",
  },
  status: {
    id: "status",
    partitionKey: { name: "id", type: "S" },
    indexes: [],
    pointInTimeRecovery: false,
    description: "Heartbeats of long-running components (the stream task) read by health checks",
  },
};

/** Every table definition, in a stable order. */
export const ALL_TABLES: readonly TableDefinition[] = Object.values(TABLES);

/** Physical table names per logical id. */
export type TableNames = Readonly<Record<TableId, string>>;

/** Default physical names: `stratdeck-<id>`, optionally with a prefix (e.g. a stage). */
export function defaultTableNames(prefix = "stratdeck"): TableNames {
  const out = {} as Record<TableId, string>;
  for (const t of ALL_TABLES) out[t.id] = `${prefix}-${t.id}`;
  return out;
}

/** Environment variable that overrides a table's physical name, e.g. `STRATDECK_TABLE_ORDERS`. */
export function tableEnvVar(id: TableId): string {
  return `STRATDECK_TABLE_${id.toUpperCase()}`;
}
