import type { TableId } from "@stratdeck/core/storage";
import type { BuiltApp, CfnResource, StackName } from "./built-app";

/** One IAM policy statement as synthesized. */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the inline policies attached to a role (by its logical id). */
export function roleStatements(app: BuiltApp, stack: StackName, roleId: string): Statement[] {
  return Object.values(app.resources[stack])
    .filter((r) => r.Type === "AWS::IAM::Policy")
    .filter((r) => JSON.stringify(r.Properties?.Roles ?? []).includes(`"${roleId}"`))
    .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The logical id of the role a resource's `Fn::GetAtt [role, Arn]` property points at. */
export function roleIdOf(resource: CfnResource, property = "Role"): string {
  const att = resource.Properties?.[property] as { "Fn::GetAtt"?: [string, string] } | undefined;
  const id = att?.["Fn::GetAtt"]?.[0];
  if (!id) throw new Error(`resource has no ${property} GetAtt`);
  return id;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Table ids a statement's resources point at (by the tables' logical ids in the Storage stack). */
export function tablesOf(s: Statement): TableId[] {
  const ids = [
    ...JSON.stringify(s.Resource).matchAll(/Table(snapshots|cooldowns|orders|alerts|status)[0-9A-F]{8}/g),
  ];
  return [...new Set(ids.map((m) => m[1] as TableId))];
}

/** DynamoDB actions that change data. */
export const DYNAMO_WRITES = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
];
/** DynamoDB actions that read data. */
export const DYNAMO_READS = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"];

/** Per table: the DynamoDB actions a role's statements grant on it. */
export function dynamoGrants(statements: Statement[]): Map<TableId, Set<string>> {
  const out = new Map<TableId, Set<string>>();
  for (const s of statements) {
    const dynamo = actionsOf(s).filter((a) => a.startsWith("dynamodb:"));
    if (dynamo.length === 0) continue;
    for (const t of tablesOf(s)) {
      const set = out.get(t) ?? new Set<string>();
      for (const a of dynamo) set.add(a);
      out.set(t, set);
    }
  }
  return out;
}

/** What a statement's resource points at, in the words of the expected action tables. */
function targetsOf(s: Statement): string[] {
  const text = JSON.stringify(s.Resource);
  const tables = tablesOf(s);
  if (tables.length > 0) return tables;
  const secrets = [...text.matchAll(/Secret\/([A-Z_]+)\/value/g)].map((m) => m[1]!);
  if (secrets.length > 0) return [...new Set(secrets)];
  if (/AlertTopic/.test(text)) return ["topic"];
  if (/Alarm[0-9A-F]{8}/.test(text)) return ["alarm"];
  if (/container-assets/.test(text)) return ["image-repo"];
  if (/StreamService/.test(text)) return ["stream-service"];
  if (/DeadLetterQueue/.test(text)) return ["dead-letters"];
  if (/Logs[0-9A-F]{8}|LogGroup/.test(text)) return ["own-logs"];
  if (/[A-Z][a-z]+Job[0-9A-F]{8}/.test(text)) return ["own-job"];
  if (text === '"*"') return ["*"];
  return [text.length > 60 ? "other" : text];
}

/** Every granted action of a role as `action target` lines, sorted and deduplicated. */
export function grantedActions(statements: Statement[]): string[] {
  const out = new Set<string>();
  for (const s of statements)
    for (const a of actionsOf(s)) for (const t of targetsOf(s)) out.add(`${a} ${t}`);
  return [...out].sort();
}
