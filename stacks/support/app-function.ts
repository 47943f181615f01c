import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Function, type FunctionProps } from "sst/constructs";
import type { Config } from "sst/constructs";
import type { Construct } from "constructs";
import type { StorageTables } from "../storage";
import { appLogGroup } from "./logs";
import { TABLES, type TableId } from "@stratdeck/core/storage";
import { suppressFunctionFindings } from "./nag";
import { streamWriteCadence } from "./stream-window";
import { grantTables, type TableAccess } from "./table-access";

/** Environment variable carrying the SNS alert topic ARN to the SNS notifier. */
export const ALERT_TOPIC_ENV = "STRATDECK_ALERT_TOPIC_ARN";

/** What one Lambda function may reach: its tables, its secrets, optionally the alert topic. */
export interface AppFunctionProps {
  /** SST handler path, e.g. `packages/functions/src/jobs/ideas.handler`. */
  handler: string;
  description: string;
  tables: StorageTables;
  access: TableAccess;
  secrets?: Config.Secret[];
  topic?: ITopic;
  timeout?: FunctionProps["timeout"];
  copyFiles?: FunctionProps["copyFiles"];
  environment?: Record<string, string>;
}

/**
 * A Lambda function with its own role (no managed policies), its own log group with retention,
 * and grants for exactly the tables, secrets and topic it lists.
 */
export function appFunction(scope: Construct, id: string, props: AppFunctionProps): Function {
  const logGroup = appLogGroup(scope, `${id}Logs`);
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
    description: `${id}: ${props.description}`.slice(0, 1000),
  });
  logGroup.grantWrite(role);
  const fn = new Function(scope, id, {
    handler: props.handler,
    description: props.description,
    role,
    logGroup,
    bind: props.secrets ?? [],
    // The deployed stream cadence: readers derive their snapshot max age from it.
    environment: { ...streamWriteCadence(process.env), ...props.environment },
    ...(props.timeout ? { timeout: props.timeout } : {}),
    ...(props.copyFiles ? { copyFiles: props.copyFiles } : {}),
  });
  for (const [k, v] of Object.entries(grantTables(fn, props.tables, props.access))) fn.addEnvironment(k, v);
  const indexed = (Object.keys(props.access) as TableId[]).some((id) => TABLES[id].indexes.length > 0);
  suppressFunctionFindings(fn, role, indexed);
  if (props.topic) {
    props.topic.grantPublish(fn);
    fn.addEnvironment(ALERT_TOPIC_ENV, props.topic.topicArn);
  }
  return fn;
}
