import { Duration, TimeZone } from "aws-cdk-lib";
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { NagSuppressions } from "cdk-nag";
import { use, type StackContext } from "sst/constructs";
import { cronExpressions, SCHEDULES, SCHEDULE_TIME_ZONE, type JobName } from "@stratdeck/core/orchestrator";
import { Alerts } from "./alerts";
import { Secrets } from "./secrets";
import { Storage } from "./storage";
import { appFunction, type AppFunctionProps } from "./support/app-function";
import { STRATEGY_FILES } from "./support/strategy-files";

type JobSpec = Pick<AppFunctionProps, "access" | "description"> & { alerts?: boolean };

/** What each scheduled job may reach (least privilege: nothing else). */
export const JOB_ACCESS: Readonly<Record<JobName, JobSpec>> = {
  ideas: {
    description: "Scan strategies and enter paper trades",
    access: { snapshots: "read", cooldowns: "readwrite", orders: "readwrite", status: "readwrite" },
  },
  exits: {
    description: "Settle expired positions, check exits, send alerts",
    access: {
      snapshots: "read",
      cooldowns: "readwrite",
      orders: "readwrite",
      alerts: "readwrite",
      status: "readwrite",
    },
    alerts: true,
  },
  settle: {
    description: "Record the indexes' opening and closing values, settle expired positions at them",
    access: { cooldowns: "readwrite", orders: "readwrite", alerts: "readwrite", status: "readwrite" },
    alerts: true,
  },
  health: {
    description: "Check tastytrade REST, DXLink and the stream heartbeat; alert once a day when unhealthy",
    access: { status: "readwrite", cooldowns: "readwrite", alerts: "readwrite" },
    alerts: true,
  },
};

const titleCase = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * One function per job on an EventBridge Scheduler schedule in America/New_York (correct across
 * DST). The payload mimics an EventBridge scheduled event whose `time` is the scheduled time, so
 * a retried invocation maps to the same idempotency slot.
 */
export function Jobs({ stack }: StackContext) {
  const { tables } = use(Storage);
  const { topic } = use(Alerts);
  const secrets = use(Secrets);
  const functions = {} as Record<JobName, ReturnType<typeof appFunction>>;
  for (const s of SCHEDULES) {
    const spec = JOB_ACCESS[s.job];
    const id = `${titleCase(s.job)}Job`;
    const fn = appFunction(stack, id, {
      handler: `packages/functions/src/jobs/${s.job}.handler`,
      description: spec.description,
      tables,
      access: spec.access,
      secrets: [secrets.tastyClientSecret, secrets.tastyRefreshToken],
      ...(spec.alerts ? { topic } : {}),
      ...STRATEGY_FILES,
      timeout: "60 seconds",
    });
    cronExpressions(s).forEach((cron, i) => {
      new Schedule(stack, `${id}Schedule${i === 0 ? "" : i + 1}`, {
        description: s.description,
        schedule: ScheduleExpression.expression(cron, TimeZone.of(SCHEDULE_TIME_ZONE)),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject({
            version: "0",
            id: ContextAttribute.executionId,
            "detail-type": "Scheduled Event",
            source: "aws.scheduler",
            time: ContextAttribute.scheduledTime,
            resources: [ContextAttribute.scheduleArn],
            detail: { job: s.job },
          }),
          retryAttempts: 2,
          maxEventAge: Duration.minutes(10),
        }),
      });
    });
    functions[s.job] = fn;
  }
  NagSuppressions.addStackSuppressions(stack, [
    {
      id: "AwsSolutions-IAM5",
      reason:
        "EventBridge Scheduler's invoke role (made by the LambdaInvoke target) allows lambda:InvokeFunction on the job function and its versions (<fn>:*), nothing else",
      appliesTo: [{ regex: "/^Resource::<[A-Za-z]+Job[A-Za-z0-9]+\\.Arn>:\\*$/g" }],
    },
  ]);
  return { functions };
}
