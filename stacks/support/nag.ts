import { Stack } from "aws-cdk-lib";
import type { Vpc } from "aws-cdk-lib/aws-ec2";
import type { Cluster, FargateTaskDefinition } from "aws-cdk-lib/aws-ecs";
import { NagSuppressions } from "cdk-nag";
import type { IConstruct } from "constructs";

/** IAM5 finding for the `<table>/index/*` resource a DynamoDB grant adds so queries can use GSIs. */
export const TABLE_INDEX_WILDCARD = { regex: "/^Resource::<Table[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/g" };

/** Why a runtime finding does not apply. */
const RUNTIME_REASON =
  "The functions run on nodejs24.x (sst.config.ts), the newest Node.js Lambda runtime, which CI tests " +
  "(.ci/run runs the suite on Node 24); a pack that does not know it yet reports it as outdated.";

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

/** Suppressions of the stream task's network, cluster and roles, with the reason for each. */
export function suppressStreamFindings({
  vpc,
  cluster,
  task,
}: {
  vpc: Vpc;
  cluster: Cluster;
  task: FargateTaskDefinition;
}): void {
  NagSuppressions.addResourceSuppressions(vpc, [
    {
      id: "AwsSolutions-VPC7",
      reason:
        "The VPC holds one egress-only task (no ingress rule at all); flow logs would cost more than the task and show only its outbound HTTPS",
    },
  ]);
  NagSuppressions.addResourceSuppressions(cluster, [
    {
      id: "AwsSolutions-ECS4",
      reason:
        "Container Insights bills custom metrics per task; the stream task reports its own heartbeat (status table) and logs, which the health job checks",
    },
  ]);
  NagSuppressions.addResourceSuppressions(task, [
    {
      id: "AwsSolutions-ECS2",
      reason:
        "The plain environment holds only table names and modes; the tastytrade credentials are injected as secrets from SSM Parameter Store",
    },
  ]);
  NagSuppressions.addResourceSuppressions(
    task.taskRole,
    [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "Read grant on the orders table includes orders/index/* so the task can Query the open-positions GSI",
        appliesTo: [TABLE_INDEX_WILDCARD],
      },
    ],
    true,
  );
  NagSuppressions.addResourceSuppressions(
    task.obtainExecutionRole(),
    [
      {
        id: "AwsSolutions-IAM5",
        reason:
          "ecr:GetAuthorizationToken has no resource-level permissions and must use Resource *; image pulls are scoped to the asset repository",
        appliesTo: ["Resource::*"],
      },
    ],
    true,
  );
}
