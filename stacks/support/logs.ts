import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";

/** Retention of every log group the app creates (log groups never expire by default). */
export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/** The same retention in SST's spelling (`accessLog.retention`). */
export const LOG_RETENTION_SST = "one_month" as const;

/** An explicit log group with {@link LOG_RETENTION} (no `logRetention` custom resource). */
export function appLogGroup(scope: Construct, id: string): LogGroup {
  return new LogGroup(scope, id, { retention: LOG_RETENTION });
}
