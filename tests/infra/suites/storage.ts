import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { ALL_TABLES, type KeyAttribute } from "@stratdeck/core/storage";
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
      it(`${def.id}: keys, on-demand, TTL, PITR and GSIs as defined`, () => {
        app().templates.Storage.hasResourceProperties("AWS::DynamoDB::Table", {
          TableName: `${STAGE}-stratdeck-${def.id}`,
          BillingMode: "PAY_PER_REQUEST",
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
  });
}
