import { describe } from "vitest";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { TableNames } from "@stratdeck/core/storage";
import { engineTargets, freshTables } from "./engines";

/** What an adapter factory receives: a clean table set on a real engine, or nothing for memory. */
export type AdapterEnv =
  { kind: "memory" } | { kind: "dynamo"; doc: DynamoDBDocumentClient; tables: TableNames };

/**
 * Runs a contract suite against the in-memory adapter, dynalite and DynamoDB Local. The adapter
 * name is part of each describe block so the output shows which adapter ran.
 * `suite(name, setup)` receives a setup function giving a fresh environment per test.
 */
export function forEachAdapter(
  port: string,
  suite: (adapterName: string, env: () => Promise<AdapterEnv>) => void,
): void {
  describe(`${port} contract [memory]`, () => suite("memory", async () => ({ kind: "memory" })));
  for (const target of engineTargets()) {
    const name = `${port} contract [${target.name}]`;
    if (!target.endpoint) {
      describe.skip(`${name} — SKIPPED: ${target.skipReason}`, () => undefined);
      continue;
    }
    const endpoint = target.endpoint;
    describe(name, () =>
      suite(target.name, async () => {
        const { doc, tables } = await freshTables(endpoint);
        return { kind: "dynamo", doc, tables };
      }),
    );
  }
}
