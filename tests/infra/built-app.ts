import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import config from "../../sst.config";
import { nagFindings, type NagFinding } from "../../stacks/support/nag-findings";
import { buildOfflineApp } from "../../stacks/support/offline-app";

/** Stage the infra tests build. */
export const STAGE = "infratest";
/** Deploy date of the test build: the stream scaling horizon starts in its month. */
export const DEPLOY_DATE = "2026-11-02";
/** Alert address the tests deploy with. */
export const ALERT_EMAIL = "trader@example.com";

/** Short names of the app's stacks. */
export type StackName = "Storage" | "Secrets" | "Alerts" | "Jobs" | "HttpApi" | "Stream" | "Monitoring";

/** A CloudFormation resource as synthesized. */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The synthesized app: templates per stack and unsuppressed cdk-nag findings. */
export interface BuiltApp {
  templates: Record<StackName, Template>;
  resources: Record<StackName, Record<string, CfnResource>>;
  findings: NagFinding[];
  outdir: string;
}

/** Builds and synthesizes the whole app offline, with cdk-nag (once per test file: ~10 s). */
export async function buildForTests(): Promise<BuiltApp> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "stratdeck-infra-"));
  const app = await buildOfflineApp(config, {
    stage: STAGE,
    outdir,
    nag: true,
    env: { ALERT_EMAIL, STRATDECK_DEPLOY_DATE: DEPLOY_DATE },
  });
  const assembly = app.synth();
  const templates = {} as Record<StackName, Template>;
  const resources = {} as Record<StackName, Record<string, CfnResource>>;
  for (const s of assembly.stacks) {
    const name = s.stackName.replace(`${STAGE}-stratdeck-`, "") as StackName;
    templates[name] = Template.fromJSON(s.template as Record<string, unknown>);
    resources[name] = (s.template as { Resources: Record<string, CfnResource> }).Resources;
  }
  return { templates, resources, findings: nagFindings(assembly), outdir };
}

/** Resources of a type across the given stacks (default: all), as [stack, logical id, resource]. */
export function resourcesOfType(
  app: BuiltApp,
  type: string,
  stacks?: StackName[],
): [StackName, string, CfnResource][] {
  const names = stacks ?? (Object.keys(app.resources) as StackName[]);
  return names.flatMap((s) =>
    Object.entries(app.resources[s])
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => [s, id, r] as [StackName, string, CfnResource]),
  );
}

/** The Lambda function whose logical id is `<id>` plus CDK's 8-hex suffix. */
export function functionNamed(app: BuiltApp, stack: StackName, id: string): [string, CfnResource] {
  const hit = Object.entries(app.resources[stack]).find(
    ([logical, r]) => r.Type === "AWS::Lambda::Function" && new RegExp(`^${id}[0-9A-F]{8}$`).test(logical),
  );
  if (!hit) throw new Error(`no function ${id} in ${stack}`);
  return hit;
}

/** The one resource of a type across the app (throws unless there is exactly one). */
export function singleOfType(app: BuiltApp, type: string): CfnResource {
  const all = resourcesOfType(app, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]![2];
}
