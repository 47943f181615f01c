import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type AttributeDefinition,
  type CreateTableCommandInput,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { DynamoConnection } from "./dynamo-client";
import { ALL_TABLES, type TableDefinition, type TableNames } from "./table-definitions";

/** The CreateTable request for a definition (on-demand billing, GSIs projecting ALL). */
export function createTableInput(def: TableDefinition, tableName: string): CreateTableCommandInput {
  const attrs = new Map<string, AttributeDefinition>();
  const add = (k: { name: string; type: "S" | "N" }): void => {
    attrs.set(k.name, { AttributeName: k.name, AttributeType: k.type });
  };
  add(def.partitionKey);
  if (def.sortKey) add(def.sortKey);
  for (const idx of def.indexes) {
    add(idx.partitionKey);
    if (idx.sortKey) add(idx.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...attrs.values()],
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: "HASH" },
      ...(def.sortKey ? [{ AttributeName: def.sortKey.name, KeyType: "RANGE" as const }] : []),
    ],
    ...(def.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: def.indexes.map((idx) => ({
            IndexName: idx.indexName,
            KeySchema: [
              { AttributeName: idx.partitionKey.name, KeyType: "HASH" as const },
              ...(idx.sortKey ? [{ AttributeName: idx.sortKey.name, KeyType: "RANGE" as const }] : []),
            ],
            Projection: { ProjectionType: "ALL" as const },
          })),
        }
      : {}),
  };
}

/**
 * Creates every missing table on a (local) engine and waits until each is ACTIVE. Existing tables
 * are left as they are, so this is safe on every start. TTL is enabled where the engine supports
 * it; an engine without TTL (dynalite) is fine because nothing depends on expiry.
 */
export async function ensureTables(conn: DynamoConnection, names: TableNames): Promise<void> {
  const client = new DynamoDBClient({
    region: conn.region ?? "us-east-1",
    endpoint: conn.endpoint,
    credentials: {
      accessKeyId: conn.localAccessKeyId ?? "local",
      secretAccessKey: conn.localSecretAccessKey ?? "local",
    },
    ...(conn.logger ? { logger: conn.logger } : {}),
  });
  try {
    await Promise.all(ALL_TABLES.map((def) => ensureOne(client, def, names[def.id])));
  } finally {
    client.destroy();
  }
}

async function ensureOne(client: DynamoDBClient, def: TableDefinition, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== "ResourceNotFoundException")
      throw err;
    try {
      await client.send(new CreateTableCommand(createTableInput(def, tableName)));
    } catch (e) {
      if (!(e instanceof ResourceInUseException) && (e as Error).name !== "ResourceInUseException") throw e;
    }
  }
  for (let i = 0; i < 200; i++) {
    const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (d.Table?.TableStatus === "ACTIVE") break;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (def.ttlAttribute) {
    try {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
        }),
      );
    } catch {
      // dynalite has no TTL and an engine may reject re-enabling; expiry is cleanup only.
    }
  }
}
