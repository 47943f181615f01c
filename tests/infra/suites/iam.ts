import { describe, expect, it } from "vitest";
import { tableEnvVar, type TableId } from "@stratdeck/core/storage";
import { API_ROUTES } from "../../../stacks/api";
import { JOB_ACCESS } from "../../../stacks/jobs";
import { STREAM_ACCESS } from "../../../stacks/stream";
import type { Access, TableAccess } from "../../../stacks/support/table-access";
import { functionNamed, resourcesOfType, singleOfType, type BuiltApp, type StackName } from "../built-app";
import {
  actionsOf,
  DYNAMO_READS,
  DYNAMO_WRITES,
  dynamoGrants,
  grantedActions,
  roleIdOf,
  roleStatements,
  type Statement,
} from "../iam-statements";

const LOGS = ["logs:CreateLogStream own-logs", "logs:PutLogEvents own-logs"];
const API_TOKEN = ["ssm:GetParameters STRATDECK_API_TOKEN"];
const TASTY = ["ssm:GetParameters TASTY_CLIENT_SECRET", "ssm:GetParameters TASTY_REFRESH_TOKEN"];
const DEAD_LETTERS = [
  "sqs:GetQueueAttributes dead-letters",
  "sqs:GetQueueUrl dead-letters",
  "sqs:SendMessage dead-letters",
];
const d = (table: TableId, ...actions: string[]) => actions.map((a) => `dynamodb:${a} ${table}`);

/**
 * Every action each principal is granted, written out by hand: a grant that widens (a new action,
 * table, secret or principal) fails here until this table is changed on purpose. Reads only on GET
 * routes; no DeleteItem on the order log; tastytrade secrets only where tastytrade is called.
 */
const EXPECTED_ACTIONS: Record<string, string[]> = {
  IdeasJob: [
    ...LOGS,
    ...TASTY,
    ...DEAD_LETTERS,
    // A live entry refused by a hard limit is alerted once a day.
    "sns:Publish topic",
    ...d("snapshots", "BatchGetItem"),
    ...d("cooldowns", "GetItem", "PutItem"),
    ...d("orders", "GetItem", "Query", "PutItem"),
    ...d("alerts", "GetItem", "Query", "PutItem", "DeleteItem"),
    // Reads the entry modes switched from the phone.
    ...d("status", "GetItem", "PutItem"),
  ],
  // Live reconciliation: reads the order log and the broker's positions, alerts once on drift.
  ReconcileJob: [
    ...LOGS,
    ...TASTY,
    ...DEAD_LETTERS,
    "sns:Publish topic",
    ...d("cooldowns", "GetItem", "PutItem"),
    ...d("orders", "GetItem", "Query"),
    ...d("alerts", "GetItem", "Query", "PutItem", "DeleteItem"),
    ...d("status", "PutItem"),
  ],
  ExitsJob: [
    ...LOGS,
    ...TASTY,
    ...DEAD_LETTERS,
    "sns:Publish topic",
    ...d("snapshots", "BatchGetItem"),
    ...d("cooldowns", "GetItem", "PutItem"),
    ...d("orders", "GetItem", "Query", "PutItem"),
    ...d("alerts", "GetItem", "Query", "PutItem", "DeleteItem"),
    // Reads the settlement values recorded at their instants, records new ones.
    ...d("status", "GetItem", "PutItem"),
  ],
  // Settlement after the close (and AM roots in the morning): records the session prints, settles.
  SettleJob: [
    ...LOGS,
    ...TASTY,
    ...DEAD_LETTERS,
    "sns:Publish topic",
    ...d("cooldowns", "GetItem", "PutItem"),
    ...d("orders", "GetItem", "Query", "PutItem"),
    ...d("alerts", "GetItem", "Query", "PutItem", "DeleteItem"),
    ...d("status", "GetItem", "PutItem"),
  ],
  HealthJob: [
    ...LOGS,
    ...TASTY,
    ...DEAD_LETTERS,
    "sns:Publish topic",
    ...d("cooldowns", "GetItem", "PutItem"),
    ...d("alerts", "GetItem", "Query", "PutItem", "DeleteItem"),
    ...d("status", "GetItem", "PutItem"),
    // The Spot → on-demand fallback of the stream service, on that service only.
    "ecs:DescribeServices stream-service",
    "ecs:UpdateService stream-service",
  ],
  ApiPositions: [
    ...LOGS,
    ...API_TOKEN,
    ...TASTY,
    ...d("orders", "GetItem", "Query"),
    ...d("snapshots", "BatchGetItem"),
    ...d("cooldowns", "GetItem"),
  ],
  ApiOrders: [...LOGS, ...API_TOKEN, ...d("orders", "GetItem", "Query")],
  ApiHistory: [...LOGS, ...API_TOKEN, ...d("orders", "GetItem", "Query")],
  ApiAlerts: [...LOGS, ...API_TOKEN, ...d("alerts", "GetItem", "Query")],
  // GET /ideas and /health read the status store (no tastytrade, no market data); /ideas also the
  // open positions, to mark ideas that duplicate one.
  ApiIdeas: [...LOGS, ...API_TOKEN, ...d("status", "GetItem"), ...d("orders", "GetItem", "Query")],
  ApiEnterIdea: [
    ...LOGS,
    ...API_TOKEN,
    ...TASTY,
    ...d("orders", "GetItem", "Query", "PutItem"),
    ...d("status", "GetItem"),
    ...d("snapshots", "BatchGetItem"),
    ...d("cooldowns", "GetItem", "PutItem"),
  ],
  ApiEntryModes: [...LOGS, ...API_TOKEN, ...d("status", "GetItem")],
  ApiEntryMode: [...LOGS, ...API_TOKEN, ...d("status", "GetItem", "PutItem")],
  ApiIdeasRescan: [
    ...LOGS,
    ...API_TOKEN,
    ...TASTY,
    ...d("status", "GetItem", "PutItem"),
    ...d("snapshots", "BatchGetItem"),
    ...d("cooldowns", "GetItem", "PutItem"),
  ],
  ApiHealth: [...LOGS, ...API_TOKEN, ...d("status", "GetItem")],
  ApiClosePosition: [
    ...LOGS,
    ...API_TOKEN,
    ...TASTY,
    ...d("orders", "GetItem", "Query", "PutItem"),
    ...d("snapshots", "BatchGetItem"),
    ...d("cooldowns", "GetItem", "PutItem"),
  ],
  ApiAuthorizer: [...LOGS, ...API_TOKEN],
  StreamTask: [
    ...d("snapshots", "BatchWriteItem"),
    ...d("status", "PutItem"),
    ...d("orders", "GetItem", "Query"),
    ...d("cooldowns", "GetItem", "PutItem"),
  ],
  StreamTaskExecution: [
    "ecr:BatchCheckLayerAvailability image-repo",
    "ecr:BatchGetImage image-repo",
    "ecr:GetDownloadUrlForLayer image-repo",
    "ecr:GetAuthorizationToken *",
    "logs:CreateLogStream own-logs",
    "logs:PutLogEvents own-logs",
    ...["DescribeParameters", "GetParameters", "GetParameter", "GetParameterHistory"].flatMap((a) => [
      `ssm:${a} TASTY_CLIENT_SECRET`,
      `ssm:${a} TASTY_REFRESH_TOKEN`,
    ]),
  ],
  JobScheduler: ["lambda:InvokeFunction own-job", "sqs:SendMessage dead-letters"],
  // The market-hours windows of the missing-data alarms: one role per CloudWatch action, on alarms only.
  "AlarmWindow:enableAlarmActions": ["cloudwatch:EnableAlarmActions alarm"],
  "AlarmWindow:disableAlarmActions": ["cloudwatch:DisableAlarmActions alarm"],
  "AlarmWindow:setAlarmState": ["cloudwatch:SetAlarmState alarm"],
};

const pascal = (s: string) => s.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());

/** [label, stack, function id, table access, publishes alerts] for every app function. */
const FUNCTIONS: [string, StackName, string, TableAccess, boolean][] = [
  ...Object.entries(JOB_ACCESS).map(
    ([job, spec]) => [`job ${job}`, "Jobs", `${pascal(job)}Job`, spec.access, spec.alerts === true] as const,
  ),
  ...Object.entries(API_ROUTES).map(
    ([key, spec]) => [key, "HttpApi", `Api${pascal(spec.file)}`, spec.access, false] as const,
  ),
  ["authorizer", "HttpApi", "ApiAuthorizer", {}, false],
].map((x) => [...x] as [string, StackName, string, TableAccess, boolean]);

function expectTables(statements: Statement[], access: TableAccess, label: string): void {
  const grants = dynamoGrants(statements);
  expect([...grants.keys()].sort(), `${label}: tables reachable`).toEqual(Object.keys(access).sort());
  for (const [table, mode] of Object.entries(access) as [TableId, Access][]) {
    const actions = [...(grants.get(table) ?? [])];
    const writes = actions.filter((a) => DYNAMO_WRITES.includes(a));
    const reads = actions.filter((a) => DYNAMO_READS.includes(a));
    if (mode === "read") expect(writes, `${label}: ${table} is read-only`).toEqual([]);
    else expect(writes.length, `${label}: ${table} writable`).toBeGreaterThan(0);
    if (mode === "write") expect(reads, `${label}: ${table} is write-only`).toEqual([]);
    else expect(reads.length, `${label}: ${table} readable`).toBeGreaterThan(0);
  }
}

/** IAM's StringLike: `*` matches any run of characters, `?` one; everything else literally. */
function stringLike(pattern: string, value: string): boolean {
  const body = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`).test(value);
}

export function iamSuite(app: () => BuiltApp): void {
  describe("least privilege", () => {
    for (const [label, stack, id, access, publishes] of FUNCTIONS) {
      it(`${label}: only its tables (read vs write)${publishes ? " and the alert topic" : ""}`, () => {
        const [, fn] = functionNamed(app(), stack, id);
        const statements = roleStatements(app(), stack, roleIdOf(fn));
        expectTables(statements, access, label);
        const publish = statements.filter((s) => actionsOf(s).includes("sns:Publish"));
        expect(publish.length, `${label}: sns:Publish`).toBe(publishes ? 1 : 0);
        const env = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
        const tableVars = Object.keys(env).filter((k) => k.startsWith("STRATDECK_TABLE_"));
        expect(tableVars.sort()).toEqual((Object.keys(access) as TableId[]).map(tableEnvVar).sort());
      });
    }

    it("stream task: writes snapshots and its heartbeat, reads open positions, uses cooldowns, nothing else", () => {
      const task = singleOfType(app(), "AWS::ECS::TaskDefinition");
      expectTables(
        roleStatements(app(), "Stream", roleIdOf(task, "TaskRoleArn")),
        STREAM_ACCESS,
        "stream task",
      );
    });

    it("only the owners of a table can write it (cooldowns are shared by every REST caller)", () => {
      const writers = new Map<TableId, string[]>();
      const note = (who: string, statements: Statement[]) => {
        for (const [table, actions] of dynamoGrants(statements))
          if ([...actions].some((a) => DYNAMO_WRITES.includes(a)))
            writers.set(table, [...(writers.get(table) ?? []), who]);
      };
      for (const [, stack, id] of FUNCTIONS)
        note(id, roleStatements(app(), stack, roleIdOf(functionNamed(app(), stack, id)[1])));
      const task = singleOfType(app(), "AWS::ECS::TaskDefinition");
      note("StreamTask", roleStatements(app(), "Stream", roleIdOf(task, "TaskRoleArn")));
      expect(writers.get("snapshots")).toEqual(["StreamTask"]);
      // Heartbeats: the stream task and every job; the stored ideas report: the ideas job and
      // rescans; the settlement values the settling jobs record.
      expect(writers.get("status")?.sort()).toEqual([
        "ApiEntryMode",
        "ApiIdeasRescan",
        "ExitsJob",
        "HealthJob",
        "IdeasJob",
        "ReconcileJob",
        "SettleJob",
        "StreamTask",
      ]);
      expect(writers.get("orders")?.sort()).toEqual([
        "ApiClosePosition",
        "ApiEnterIdea",
        "ExitsJob",
        "IdeasJob",
        "SettleJob",
      ]);
      // Exit and settlement alerts, the once-a-day unhealthy-data-path alert, live hard-limit
      // refusals and drift.
      expect(writers.get("alerts")?.sort()).toEqual([
        "ExitsJob",
        "HealthJob",
        "IdeasJob",
        "ReconcileJob",
        "SettleJob",
      ]);
    });

    it("grants each principal exactly the actions of the expected table, and covers every role", () => {
      const seen = new Set<string>();
      const check = (principal: string, roleStack: StackName, roleId: string) => {
        seen.add(roleId);
        const expected = EXPECTED_ACTIONS[principal];
        expect(expected, `${principal}: add it to EXPECTED_ACTIONS`).toBeDefined();
        expect(grantedActions(roleStatements(app(), roleStack, roleId)), principal).toEqual(
          [...expected!].sort(),
        );
      };
      for (const [, stack, id] of FUNCTIONS) check(id, stack, roleIdOf(functionNamed(app(), stack, id)[1]));
      const task = singleOfType(app(), "AWS::ECS::TaskDefinition");
      check("StreamTask", "Stream", roleIdOf(task, "TaskRoleArn"));
      check("StreamTaskExecution", "Stream", roleIdOf(task, "ExecutionRoleArn"));
      for (const [stack, , schedule] of resourcesOfType(app(), "AWS::Scheduler::Schedule")) {
        const target = schedule.Properties?.Target as Record<string, unknown>;
        const cloudwatch = /aws-sdk:cloudwatch:(\w+)/.exec(JSON.stringify(target.Arn))?.[1];
        check(
          cloudwatch ? `AlarmWindow:${cloudwatch}` : "JobScheduler",
          stack,
          roleIdOf({ Type: "", Properties: target }, "RoleArn"),
        );
      }
      // Every app role is in the table (SST's own custom-resource role excepted).
      const roles = resourcesOfType(app(), "AWS::IAM::Role").filter(
        ([, id]) => !id.startsWith("CustomResourceHandler"),
      );
      for (const [stack, id] of roles)
        expect(seen.has(id), `${stack}/${id} has no expected actions`).toBe(true);
    });

    it("binds the tastytrade secrets only to functions that call tastytrade", () => {
      for (const [key, spec] of Object.entries(API_ROUTES)) {
        const [, fn] = functionNamed(app(), "HttpApi", `Api${pascal(spec.file)}`);
        const vars = Object.keys((fn.Properties?.Environment as { Variables: object }).Variables);
        const bound = vars.filter((v) => v.startsWith("SST_Secret_value_")).sort();
        expect(bound, key).toEqual(
          spec.tasty
            ? [
                "SST_Secret_value_STRATDECK_API_TOKEN",
                "SST_Secret_value_TASTY_CLIENT_SECRET",
                "SST_Secret_value_TASTY_REFRESH_TOKEN",
              ]
            : ["SST_Secret_value_STRATDECK_API_TOKEN"],
        );
      }
      expect(API_ROUTES["GET /orders"]!.tasty).toBe(false);
      expect(API_ROUTES["GET /alerts"]!.tasty).toBe(false);
      expect(API_ROUTES["GET /history"]!.tasty).toBe(false);
      expect(API_ROUTES["GET /health"]!.tasty).toBe(false);
      expect(API_ROUTES["GET /ideas"]!.tasty).toBe(false);
    });

    it("health job: ecs:UpdateService only on the stream service, its cluster and the Fargate providers", () => {
      const [, fn] = functionNamed(app(), "Jobs", "HealthJob");
      const update = roleStatements(app(), "Jobs", roleIdOf(fn)).filter((s) =>
        actionsOf(s).includes("ecs:UpdateService"),
      );
      expect(update).toHaveLength(1);
      expect(actionsOf(update[0]!)).toEqual(["ecs:UpdateService"]);
      expect(JSON.stringify(update[0]!.Resource)).toMatch(/StreamService/);
      const condition = (update[0] as Statement & { Condition?: Record<string, Record<string, unknown>> })
        .Condition;
      expect(Object.keys(condition ?? {}).sort()).toEqual(["ArnEquals", "ForAllValues:StringLike"]);
      expect(JSON.stringify(condition?.ArnEquals?.["ecs:cluster"])).toMatch(/Cluster/);
      // Only a strategy of FARGATE / FARGATE_SPOT (by name or ARN); any other provider is refused.
      const providers = condition?.["ForAllValues:StringLike"]?.["ecs:capacity-provider"] as string[];
      const allowed = (value: string) => providers.some((p) => stringLike(p, value));
      for (const ok of [
        "FARGATE",
        "FARGATE_SPOT",
        "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE_SPOT",
      ])
        expect(allowed(ok), ok).toBe(true);
      for (const bad of [
        "my-asg-provider",
        "FARGATE_SPOTX",
        "arn:aws:ecs:us-east-1:123456789012:capacity-provider/other",
      ])
        expect(allowed(bad), bad).toBe(false);
    });

    it("no wildcard actions and no managed policies on app roles", () => {
      for (const [stack, id, policy] of resourcesOfType(app(), "AWS::IAM::Policy")) {
        for (const s of (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement)
          for (const a of actionsOf(s)) expect(a, `${stack}/${id}`).not.toMatch(/(^\*$|:\*$)/);
      }
      for (const [stack, id, role] of resourcesOfType(app(), "AWS::IAM::Role")) {
        if (id.startsWith("CustomResourceHandler")) continue;
        expect(role.Properties?.ManagedPolicyArns, `${stack}/${id}`).toBeUndefined();
      }
    });
  });
}
