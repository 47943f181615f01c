import { Stack } from "aws-cdk-lib";
import { NagSuppressions } from "cdk-nag";
import type { IConstruct } from "constructs";

/** IAM5 finding for the `<table>/index/*` resource a DynamoDB grant adds so queries can use GSIs. */
export const TABLE_INDEX_WILDCARD = { regex: "/^Resource::<Table[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/g" };

/** Why the Lambda runtime is not the newest one. */
const RUNTIME_REASON =
  "Node.js 22 is the runtime the code is built and tested for (esbuild target node22, local Node 20/22); " +
  "nodejs24.x is a one-line change in sst.config.ts once the test matrix covers it.";

/**
 * Suppressions for what SST v2 adds to every stack: a custom-resource handler Lambda (used only by
 * SST features this app does not enable) with CDK's basic execution role and SST's pinned runtime.
 */
export function suppressSstInternals(stack: Stack): void {
  const handler = stack.node.tryFindChild("CustomResourceHandler");
  if (!handler) return;
  NagSuppressions.addResourceSuppressions(
    handler,
    [
      {
        id: "AwsSolutions-IAM4",
        reason:
          "SST-internal custom-resource handler: SST creates it with the AWSLambdaBasicExecutionRole managed policy; not app code",
        appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      },
      { id: "AwsSolutions-L1", reason: "SST-internal custom-resource handler: its runtime is pinned by SST" },
    ],
    true,
  );
}

/** Suppressions every app Lambda function needs, with the reason for each. */
export function suppressFunctionFindings(fn: IConstruct, role: IConstruct, usesIndexedTables: boolean): void {
  NagSuppressions.addResourceSuppressions(fn, [{ id: "AwsSolutions-L1", reason: RUNTIME_REASON }]);
  if (usesIndexedTables) {
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: "AwsSolutions-IAM5",
          reason:
            "DynamoDB grants include <table>/index/* so the function can Query the table's own GSIs (open-positions, orders-by-time, alerts-by-time); scoped to a table it is granted",
          appliesTo: [TABLE_INDEX_WILDCARD],
        },
      ],
      true,
    );
  }
}

/** Applies {@link suppressSstInternals} to every stack of the app. */
export function suppressSstInternalsEverywhere(app: IConstruct): void {
  for (const child of app.node.children) if (child instanceof Stack) suppressSstInternals(child);
}
