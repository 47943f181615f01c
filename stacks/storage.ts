import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, Table } from "aws-cdk-lib/aws-dynamodb";
import { NagSuppressions } from "cdk-nag";
import type { StackContext } from "sst/constructs";
import { ALL_TABLES, type KeyAttribute, type TableId } from "@stratdeck/core/storage";
import { isDisposableStage } from "./support/stage-policy";
import { snapshotCapacity } from "./support/snapshot-capacity";

/** The DynamoDB tables of one stage, by logical id. */
export type StorageTables = Readonly<Record<TableId, Table>>;

/**
 * Whether a table holds what cannot be rebuilt (kept with deletion protection and `Retain` on every
 * stage not marked disposable), with the reason. A new table fails to compile until it is listed.
 */
export const IRREPLACEABLE: Readonly<Record<TableId, string | false>> = {
  orders: "the order log and positions: the ledger of every paper and live trade",
  alerts: "sent-alert deduplication and history: losing it re-sends every active alert",
  status: "settlement prints recorded at their instants (the API cannot return them later) and job runs",
  snapshots: false,
  cooldowns: false,
};

const attr = (k: KeyAttribute) => ({
  name: k.name,
  type: k.type === "S" ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * Every table from the shared definitions (`ALL_TABLES`): on-demand except the snapshots table
 * (provisioned inside DynamoDB's always-free units, see {@link snapshotCapacity}), TTL where the
 * definition has a `ttlAttribute`, point-in-time recovery where it asks for it, and its GSIs
 * (projection ALL). Tables in {@link IRREPLACEABLE} get deletion protection and `Retain` unless the
 * stage is marked disposable (`STRATDECK_DISPOSABLE_STAGE=true`).
 */
export function Storage({ stack, app }: StackContext): { tables: StorageTables } {
  const tables = {} as Record<TableId, Table>;
  const keep = !isDisposableStage(process.env);
  for (const def of ALL_TABLES) {
    const capacity = def.id === "snapshots" ? snapshotCapacity(process.env) : undefined;
    const irreplaceable = keep && IRREPLACEABLE[def.id] !== false;
    const table = new Table(stack, `Table-${def.id}`, {
      tableName: app.logicalPrefixedName(def.id),
      partitionKey: attr(def.partitionKey),
      ...(def.sortKey ? { sortKey: attr(def.sortKey) } : {}),
      ...(capacity
        ? {
            billingMode: BillingMode.PROVISIONED,
            readCapacity: capacity.read,
            writeCapacity: capacity.write,
          }
        : { billingMode: BillingMode.PAY_PER_REQUEST }),
      ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: def.pointInTimeRecovery },
      deletionProtection: irreplaceable,
      ...(irreplaceable ? { removalPolicy: RemovalPolicy.RETAIN } : {}),
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
