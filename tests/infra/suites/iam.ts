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
  roleIdOf,
  roleStatements,
  type Statement,
} from "../iam-statements";

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
        "ApiIdeasRescan",
        "ExitsJob",
        "HealthJob",
        "IdeasJob",
        "SettleJob",
        "StreamTask",
      ]);
      expect(writers.get("orders")?.sort()).toEqual([
        "ApiClosePosition",
        "ExitsJob",
        "IdeasJob",
        "SettleJob",
      ]);
      // Exit and settlement alerts, and the once-a-day unhealthy-data-path alert.
      expect(writers.get("alerts")?.sort()).toEqual(["ExitsJob", "HealthJob", "SettleJob"]);
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
