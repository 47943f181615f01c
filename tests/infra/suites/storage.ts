import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { ALL_TABLES, type KeyAttribute } from "@stratdeck/core/storage";
import { IRREPLACEABLE } from "../../../stacks/storage";
import { SNAPSHOT_CAPACITY, snapshotCapacity } from "../../../stacks/support/snapshot-capacity";
import { resourcesOfType, STAGE, type BuiltApp } from "../built-app";

const keySchema = (pk: KeyAttribute, sk?: KeyAttribute) => [
  { AttributeName: pk.name, KeyType: "HASH" },
  ...(sk ? [{ AttributeName: sk.name, KeyType: "RANGE" }] : []),
];

/** Tables are derived from ALL_TABLES, so a new table or index shows up here without edits. */
export function storageSuite(app: () => BuiltApp): void {
  describe("storage", () => {
    it("has exactly one table per shared definition", () => {
      expect(resourcesOfType(app(), "AWS::DynamoDB::Table")).toHaveLength(ALL_TABLES.length);
    });

    for (const def of ALL_TABLES) {
      it(`${def.id}: keys, capacity mode, TTL, PITR and GSIs as defined`, () => {
        app().templates.Storage.hasResourceProperties("AWS::DynamoDB::Table", {
          TableName: `${STAGE}-stratdeck-${def.id}`,
          ...(def.id === "snapshots"
            ? {
                BillingMode: Match.absent(),
                ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
              }
            : { BillingMode: "PAY_PER_REQUEST" }),
          KeySchema: keySchema(def.partitionKey, def.sortKey),
          TimeToLiveSpecification: def.ttlAttribute
            ? { AttributeName: def.ttlAttribute, Enabled: true }
            : Match.absent(),
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: def.pointInTimeRecovery },
          GlobalSecondaryIndexes:
            def.indexes.length > 0
              ? def.indexes.map((i) =>
                  Match.objectLike({
                    IndexName: i.indexName,
                    KeySchema: keySchema(i.partitionKey, i.sortKey),
                    Projection: { ProjectionType: "ALL" },
                  }),
                )
              : Match.absent(),
        });
      });
    }

    it("keeps every table holding what cannot be rebuilt: deletion protection and Retain (stage not disposable)", () => {
      const kept = ALL_TABLES.filter((t) => IRREPLACEABLE[t.id] !== false).map((t) => t.id);
      expect(kept.sort()).toEqual(["alerts", "orders", "status"]);
      for (const [, id, table] of resourcesOfType(app(), "AWS::DynamoDB::Table")) {
        const def = ALL_TABLES.find((t) => table.Properties?.TableName === `${STAGE}-stratdeck-${t.id}`)!;
        if (kept.includes(def.id)) {
          expect(table.Properties?.DeletionProtectionEnabled, id).toBe(true);
          expect([table.DeletionPolicy, table.UpdateReplacePolicy], id).toEqual(["Retain", "Retain"]);
        } else {
          expect(table.Properties?.DeletionProtectionEnabled, id).toBe(false);
        }
      }
    });

    it("snapshots: provisioned inside the always-free 25 WCU / 25 RCU, on demand when asked", () => {
      expect(SNAPSHOT_CAPACITY.write).toBeLessThanOrEqual(25);
      expect(SNAPSHOT_CAPACITY.read).toBeLessThanOrEqual(25);
      expect(snapshotCapacity({})).toEqual(SNAPSHOT_CAPACITY);
      expect(snapshotCapacity({ STRATDECK_SNAPSHOTS_ON_DEMAND: "true" })).toBeUndefined();
    });
  });
}
