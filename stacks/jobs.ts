import { Duration, TimeZone } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { MathExpression } from "aws-cdk-lib/aws-cloudwatch";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { NagSuppressions } from "cdk-nag";
import { use, type StackContext } from "sst/constructs";
import { cronExpressions, SCHEDULES, SCHEDULE_TIME_ZONE, type JobName } from "@stratdeck/core/orchestrator";
import { Alerts } from "./alerts";
import { Secrets } from "./secrets";
import { Storage } from "./storage";
import { Stream } from "./stream";
import { ALARM_PERIOD, alertAlarm } from "./support/alarms";
import { appFunction, type AppFunctionProps } from "./support/app-function";
import { strategyFiles } from "./support/strategy-files";

type JobSpec = Pick<AppFunctionProps, "access" | "description"> & {
  alerts?: boolean;
  /** May move the stream service between Spot and on-demand Fargate (the Spot fallback). */
  streamCapacity?: boolean;
};

/**
 * What each scheduled job may reach (least privilege: nothing else). Every job writes its last run
 * to the status table (`job:<name>`, shown by GET /health). A new job in SCHEDULES fails to
 * compile until it has an entry here; its schedule, retries, dead-letter queue and error alarm
 * then follow from the loop below.
 */
export const JOB_ACCESS: Readonly<Record<JobName, JobSpec>> = {
  ideas: {
    description: "Scan strategies and enter paper trades (live when armed and confirmed)",
    // alerts: a live entry refused by a hard limit is alerted.
    access: {
      snapshots: "read",
      cooldowns: "readwrite",
      orders: "readwrite",
      // read: the entry modes switched from the phone.
      status: "readwrite",
      alerts: "readwrite",
    },
    alerts: true,
  },
  exits: {
    description: "Settle expired positions, check exits, send alerts",
    // status read: the settlement values recorded at their instants.
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
    streamCapacity: true,
  },
  reconcile: {
    description: "Compare the order log's live positions with tastytrade's; alert once on drift",
    access: { orders: "read", cooldowns: "readwrite", alerts: "readwrite", status: "write" },
    alerts: true,
  },
};

/** The capacity providers the health job may put in the stream service's strategy. */
export const STREAM_CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

/**
 * Conditions on the health job's `ecs:UpdateService` (granted on the stream service only): the
 * service's own cluster, and a capacity-provider strategy naming only the Fargate providers (by
 * name or ARN: `ecs:capacity-provider` is an ARN array). Its two updates are a switch between
 * those providers with a new deployment, and a desired count of 1 (no strategy in the request:
 * `ForAllValues` holds on an absent key).
 */
export function updateServiceConditions(clusterArn: string): Record<string, Record<string, unknown>> {
  return {
    ArnEquals: { "ecs:cluster": clusterArn },
    "ForAllValues:StringLike": {
      "ecs:capacity-provider": STREAM_CAPACITY_PROVIDERS.flatMap((p) => [
        p,
        `arn:*:ecs:*:*:capacity-provider/${p}`,
      ]),
    },
  };
}

/** Retries of a failed delivery (Scheduler → Lambda) and of a failed run (Lambda async). */
export const JOB_RETRY_ATTEMPTS = 2;
/** A run older than this is not retried any more (it would act on an old slot). */
export const JOB_MAX_EVENT_AGE = Duration.minutes(10);

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One function per job on EventBridge Scheduler schedules in America/New_York (correct across
 * DST) that fire exactly on the job's grid. The payload mimics an EventBridge scheduled event
 * whose `time` is the scheduled time, so a retried invocation maps to the same idempotency slot.
 * A delivery that keeps failing, and a run that still fails after Lambda's retries, land in the
 * jobs' dead-letter queue; alarms on the queue, on job errors and on the health job's metrics
 * e-mail the trader.
 */
export function Jobs({ stack }: StackContext) {
  const { tables } = use(Storage);
  const { topic } = use(Alerts);
  const secrets = use(Secrets);
  const strategies = strategyFiles();
  const stream = use(Stream);
  const deadLetters = new Queue(stack, "JobsDeadLetterQueue", {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  NagSuppressions.addResourceSuppressions(deadLetters, [
    {
      id: "AwsSolutions-SQS3",
      reason:
        "This queue is the dead-letter queue of the job schedules and of the job functions' failed runs",
    },
  ]);
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
      ...strategies,
      timeout: "60 seconds",
    });
    if (spec.streamCapacity) fn.addEnvironment("STRATDECK_STREAM_HORIZON_END", stream.horizonEnd);
    if (spec.streamCapacity && stream.spot) {
      fn.addEnvironment("STRATDECK_STREAM_CLUSTER", stream.cluster.clusterName);
      fn.addEnvironment("STRATDECK_STREAM_SERVICE", stream.service.serviceName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ["ecs:DescribeServices"], resources: [stream.service.serviceArn] }),
      );
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ["ecs:UpdateService"],
          resources: [stream.service.serviceArn],
          conditions: updateServiceConditions(stream.cluster.clusterArn),
        }),
      );
    }
    fn.configureAsyncInvoke({
      retryAttempts: JOB_RETRY_ATTEMPTS,
      maxEventAge: JOB_MAX_EVENT_AGE,
      onFailure: new SqsDestination(deadLetters),
    });
    cronExpressions(s).forEach((cron, i) => {
      new Schedule(stack, `${id}Schedule${i === 0 ? "" : i + 1}`, {
        description: `${s.description} (${cron})`,
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
          retryAttempts: JOB_RETRY_ATTEMPTS,
          maxEventAge: JOB_MAX_EVENT_AGE,
          deadLetterQueue: deadLetters,
        }),
      });
    });
    functions[s.job] = fn;
  }
  const jobs = Object.entries(functions) as [JobName, ReturnType<typeof appFunction>][];
  const alarms = {
    jobErrors: alertAlarm(stack, "JobErrorsAlarm", topic, {
      meaning: `A scheduled job (${jobs.map(([j]) => j).join(", ")}) failed a run; Lambda retries it, then it goes to the dead-letter queue`,
      metric: new MathExpression({
        label: "job errors",
        expression: jobs.map(([j]) => j).join(" + "),
        usingMetrics: Object.fromEntries(
          jobs.map(([j, fn]) => [j, fn.metricErrors({ period: ALARM_PERIOD, statistic: "Sum" })]),
        ),
        period: ALARM_PERIOD,
      }),
    }),
    deadLetters: alertAlarm(stack, "JobsDeadLetterAlarm", topic, {
      meaning:
        "A job run was lost after every retry (or could not be delivered): it is in the dead-letter queue",
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: "Maximum",
      }),
    }),
  };
  NagSuppressions.addStackSuppressions(stack, [
    {
      id: "AwsSolutions-IAM5",
      reason:
        "EventBridge Scheduler's invoke role (made by the LambdaInvoke target) allows lambda:InvokeFunction on the job function and its versions (<fn>:*), nothing else",
      appliesTo: [{ regex: "/^Resource::<[A-Za-z]+Job[A-Za-z0-9]+\\.Arn>:\\*$/g" }],
    },
  ]);
  return { functions, deadLetters, alarms };
}
