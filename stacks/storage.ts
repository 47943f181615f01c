import { AttributeType, BillingMode, Table } from "aws-cdk-lib/aws-dynamodb";
import { NagSuppressions } from "cdk-nag";
import type { StackContext } from "sst/constructs";
import { ALL_TABLES, type KeyAttribute, type TableId } from "@stratdeck/core/storage";

/** The DynamoDB tables of one stage, by logical id. */
export type StorageTables = Readonly<Record<TableId, Table>>;

const attr = (k: KeyAttribute) => ({
  name: k.name,
  type: k.type === "S" ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * Every table from the shared definitions (`ALL_TABLES`): on-demand, TTL where the definition has a
 * `ttlAttribute`, point-in-time recovery where it asks for it, and its GSIs (projection ALL).
 */
export function Storage({ stack, app }: StackContext): { tables: StorageTables } {
  const tables = {} as Record<TableId, Table>;
  for (const def of ALL_TABLES) {
    const table = new Table(stack, `Table-${def.id}`, {
      tableName: app.logicalPrefixedName(def.id),
      partitionKey: attr(def.partitionKey),
      ...(def.sortKey ? { sortKey: attr(def.sortKey) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: def.pointInTimeRecovery },
    });
    for (const gsi of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: attr(gsi.partitionKey),
        ...(gsi.sortKey ? { sortKey: attr(gsi.sortKey) } : {}),
      });
    }
    if (!def.pointInTimeRecovery) {
      NagSuppressions.addResourceSuppressions(table, [
        {
          id: "AwsSolutions-DDB3",
          reason: `${def.id}: rebuildable or short-lived state (${def.description}); only the order log needs point-in-time recovery`,
        },
      ]);
    }
    tables[def.id] = table;
  }
  return { tables };
}
