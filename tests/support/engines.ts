import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import {
  createDocumentClient,
  defaultTableNames,
  ensureTables,
  type TableNames,
} from "@stratdeck/core/storage";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** A DynamoDB engine a test can run against. */
export interface EngineTarget {
  /** `dynalite` or `dynamodb-local`; appears in test names. */
  name: "dynalite" | "dynamodb-local";
  /** Endpoint URL, or null when skipped (outside CI only). */
  endpoint: string | null;
  skipReason: string;
}

/** Both real engines started by the global setup. */
export function engineTargets(): EngineTarget[] {
  return [
    { name: "dynalite", endpoint: inject("dynaliteEndpoint"), skipReason: "" },
    {
      name: "dynamodb-local",
      endpoint: inject("dynamoDbLocalEndpoint"),
      skipReason: inject("dynamoDbLocalSkipReason"),
    },
  ];
}

/** Creates a fresh, uniquely prefixed set of tables on an engine and a client for them. */
export async function freshTables(
  endpoint: string,
): Promise<{ doc: DynamoDBDocumentClient; tables: TableNames }> {
  const tables = defaultTableNames(`t${randomUUID().slice(0, 8)}`);
  await ensureTables({ endpoint }, tables);
  return { doc: createDocumentClient({ endpoint, maxAttempts: 2 }), tables };
}
