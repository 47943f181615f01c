import { Duration } from "aws-cdk-lib";
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Rule, RuleTargetInput, EventField } from "aws-cdk-lib/aws-events";
import { SnsTopic } from "aws-cdk-lib/aws-events-targets";
import { use, type StackContext } from "sst/constructs";
import {
  JOB_DIMENSION,
  JOB_METRICS,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  STAGE_DIMENSION,
  STREAM_KIND_DIMENSION,
  STREAM_METRICS,
} from "@stratdeck/core/metrics";
import { SCHEDULES, type JobSchedule } from "@stratdeck/core/orchestrator";
import type { StreamKind } from "@stratdeck/core/stream";
import { OPTIONS_CLOSE_DELAY_MINUTES, SESSION_CLOSE_MINUTE, EARLY_CLOSE_MINUTE } from "@stratdeck/core/time";
import { Alerts } from "./alerts";
import { HttpApi } from "./api";
import { Jobs } from "./jobs";
import { Storage } from "./storage";
import { Stream } from "./stream";
import { ALARM_PERIOD, alertAlarm } from "./support/alarms";
import { alarmWindow, onDays, weekdays } from "./support/alarm-window";
import { deployDate, streamScalingActions } from "./support/stream-window";

/** Newest stream event older than this for {@link STALE_MINUTES} minutes in a row pages, seconds. */
export const STALE_AFTER_SECONDS = 120;
/** Consecutive one-minute periods the staleness alarm needs (missing ones count as breaching). */
export const STALE_MINUTES = 3;
/** A job with no heartbeat for this long in its window pages (the dead-man alarm). */
export const DEAD_MAN_MINUTES = 30;
/** The kinds the stream counts its events by (the `Kind` dimension of `StreamEvents`). */
const STREAM_KINDS = ["underlyings", "options"] as const satisfies readonly StreamKind[];
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** ECS stop codes of a stream task stop nobody planned (the rule e-mails them). */
export const UNPLANNED_STOP_CODES = [
  "EssentialContainerExited",
  "TaskFailedToStart",
  "SpotInterruption",
  "TerminationNotice",
];

/** ECS's stopped reason for a task the service replaced after failed container health checks. */
export const HEALTH_CHECK_STOP_REASON = "Task failed container health checks";

/** Period of the dead-man alarms, minutes (six of them make the 30 minutes). */
const DEAD_MAN_PERIOD_MINUTES = 5;

/** The dimensions Powertools Metrics gives every StratDeck metric of a stage. */
const ownMetric = (
  name: string,
  stage: string,
  extra: Record<string, string>,
  statistic: string,
  period: Duration,
) =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE, [STAGE_DIMENSION]: stage, ...extra },
    statistic,
    period,
  });

/** Minutes after a single run (`alsoAtMinutes`) its dead-man check opens: its period is complete. */
const SINGLE_RUN_CHECK_AFTER = DEAD_MAN_PERIOD_MINUTES + 2;

/**
 * New York minutes between which a job's dead-man alarm acts, one window per stretch of runs: the
 * grid from one full alarm window after its first run (there has been time to beat; a grid that
 * fits in less, as settle after the close, from just before its end) until its last run's period
 * has been evaluated; and each single run (settle's 09:45 and 10:15 for AM settlement) from two
 * minutes after the end of the period it beats in, for five minutes. The alarm looks back 30
 * minutes, so every run is seen by an evaluation inside a window.
 */
export function deadManWindows(s: JobSchedule): { open: number; close: number }[] {
  const lastRun = s.endMinute - 1 - ((s.endMinute - 1) % s.everyMinutes);
  const grid = {
    open: Math.min(s.startMinute + DEAD_MAN_MINUTES + 2, s.endMinute - 3),
    close: Math.max(s.endMinute, lastRun + SINGLE_RUN_CHECK_AFTER + DEAD_MAN_PERIOD_MINUTES),
  };
  const singles = (s.alsoAtMinutes ?? []).map((m) => {
    const open = m + SINGLE_RUN_CHECK_AFTER;
    return { open, close: open + DEAD_MAN_PERIOD_MINUTES };
  });
  return [...singles, grid].sort((a, b) => a.open - b.open);
}

/** An alarm that pages when it fires (no OK e-mail: the window resets it to OK every morning). */
function pagingAlarm(
  scope: StackContext["stack"],
  id: string,
  topic: ReturnType<typeof Alerts>["topic"],
  props: ConstructorParameters<typeof Alarm>[2],
): Alarm {
  const alarm = new Alarm(scope, id, { ...props, actionsEnabled: false });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/**
 * Alarms on the watchers themselves and on AWS-side limits, a dashboard, and the ECS task-stop
 * alert. The stream staleness and job dead-man alarms treat missing data as breaching and act only
 * in market hours (see {@link alarmWindow}).
 */
export function Monitoring({ stack, app }: StackContext) {
  const { topic } = use(Alerts);
  const { tables } = use(Storage);
  const stream = use(Stream);
  const jobs = use(Jobs);
  const { api } = use(HttpApi);
  const stage = app.stage;
  const minute = Duration.minutes(1);

  // The stream's own freshness: a stalled feed (the stalest subscribed kind's age grows: options
  // stopping alone count) or a dead task (no data) pages in ≤ 5 min.
  const newestAge = ownMetric(STREAM_METRICS.newestEventAge, stage, {}, "Maximum", minute);
  const streamStale = pagingAlarm(stack, "StreamStaleAlarm", topic, {
    alarmDescription: `In a session the newest market event of a subscribed kind (underlyings or options) is ${STALE_AFTER_SECONDS} s old or the task publishes nothing (stalled feed or task down)`,
    metric: newestAge,
    threshold: STALE_AFTER_SECONDS,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: STALE_MINUTES,
    datapointsToAlarm: STALE_MINUTES,
    treatMissingData: TreatMissingData.BREACHING,
  });
  const { actions } = streamScalingActions(deployDate(process.env, Date.now()));
  /** The days of the scaling actions named `prefix…` (one cron per month), at `minute`. */
  const sameDays = (prefix: string, minute: number) =>
    actions.flatMap((a) => {
      const f = a.name.startsWith(prefix) ? /^cron\(\S+ \S+ (\S+) (\d+) \? (\d+)\)$/.exec(a.cron) : null;
      if (!f) return [];
      const [, days = "", month = "", year = ""] = f;
      return [{ days: onDays(days.split(",").map(Number), Number(month), Number(year)), minute }];
    });
  const opens = sameDays("OpenStream-", 9 * 60 + 30);
  const earlyCloses = sameDays("EarlyCloseStream-", EARLY_CLOSE_MINUTE + OPTIONS_CLOSE_DELAY_MINUTES);
  alarmWindow(stack, "StreamStaleWindow", streamStale, {
    opens,
    closes: [{ days: weekdays, minute: SESSION_CLOSE_MINUTE + OPTIONS_CLOSE_DELAY_MINUTES }, ...earlyCloses],
  });

  // Dead-man: every scheduled invocation beats; none for 30 minutes inside the job's window pages.
  const deadMan = SCHEDULES.map((s) => {
    const alarm = pagingAlarm(stack, `${title(s.job)}DeadManAlarm`, topic, {
      alarmDescription: `Job ${s.job} has not been invoked for ${DEAD_MAN_MINUTES} minutes in its window (schedule disabled, deleted or not firing)`,
      metric: ownMetric(
        JOB_METRICS.heartbeat,
        stage,
        { [JOB_DIMENSION]: s.job },
        "Sum",
        Duration.minutes(DEAD_MAN_PERIOD_MINUTES),
      ),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: DEAD_MAN_MINUTES / DEAD_MAN_PERIOD_MINUTES,
      datapointsToAlarm: DEAD_MAN_MINUTES / DEAD_MAN_PERIOD_MINUTES,
      treatMissingData: TreatMissingData.BREACHING,
    });
    const windows = deadManWindows(s);
    alarmWindow(stack, `${title(s.job)}DeadManWindow`, alarm, {
      opens: windows.map((w) => ({ days: weekdays, minute: w.open })),
      closes: windows.map((w) => ({ days: weekdays, minute: w.close })),
    });
    return alarm;
  });

  const snapshots = tables.snapshots;
  const dynamoThrottles = alertAlarm(stack, "DynamoThrottleAlarm", topic, {
    meaning: "DynamoDB throttled reads or writes of the snapshots table (provisioned capacity exhausted)",
    metric: new MathExpression({
      label: "snapshot throttle events",
      expression: "writes + reads",
      usingMetrics: {
        writes: snapshots.metric("WriteThrottleEvents", { statistic: "Sum", period: ALARM_PERIOD }),
        reads: snapshots.metric("ReadThrottleEvents", { statistic: "Sum", period: ALARM_PERIOD }),
      },
      period: ALARM_PERIOD,
    }),
  });
  const lambdaThrottles = alertAlarm(stack, "LambdaThrottleAlarm", topic, {
    meaning: "Lambda throttled an invocation in this account and region (concurrency limit reached)",
    metric: new Metric({
      namespace: "AWS/Lambda",
      metricName: "Throttles",
      statistic: "Sum",
      period: ALARM_PERIOD,
    }),
  });
  const snsFailures = alertAlarm(stack, "SnsDeliveryFailedAlarm", topic, {
    meaning: "SNS failed to deliver an alert notification (e-mail bounced or subscription broken)",
    metric: topic.metricNumberOfNotificationsFailed({ statistic: "Sum", period: ALARM_PERIOD }),
  });

  // Task stops that are not the schedule's: a crash, a failed start, a Spot interruption, a Fargate
  // task retirement, a failed container health check (the loop hung). The task runs only in market
  // hours, so these only happen then; planned scale-ins and deploys are ServiceSchedulerInitiated
  // ("Scaling activity initiated by ..."), a stop by hand UserInitiated.
  const taskStops = new Rule(stack, "StreamTaskStoppedRule", {
    description:
      "Stream task stopped by a crash, a failed start, a Spot interruption, a retirement or a failed health check",
    eventPattern: {
      source: ["aws.ecs"],
      detailType: ["ECS Task State Change"],
      detail: {
        clusterArn: [stream.cluster.clusterArn],
        lastStatus: ["STOPPED"],
        $or: [{ stopCode: UNPLANNED_STOP_CODES }, { stoppedReason: [{ prefix: HEALTH_CHECK_STOP_REASON }] }],
      },
    },
  });
  taskStops.addTarget(
    new SnsTopic(topic, {
      message: RuleTargetInput.fromText(
        `StratDeck: the stream task stopped (${EventField.fromPath("$.detail.stopCode")}): ${EventField.fromPath("$.detail.stoppedReason")}. README: runbook "StreamTaskStoppedRule".`,
      ),
    }),
  );

  dashboard(stack, stage, { newestAge, jobs, api, snapshots, streamService: stream.service });
  return { streamStale, deadMan, dynamoThrottles, lambdaThrottles, snsFailures, taskStops };
}

/** The operations dashboard: stream, snapshots, jobs, API, DLQ and the cost drivers. */
function dashboard(
  stack: StackContext["stack"],
  stage: string,
  p: {
    newestAge: IMetric;
    jobs: ReturnType<typeof Jobs>;
    api: ReturnType<typeof HttpApi>["api"];
    snapshots: ReturnType<typeof Storage>["tables"]["snapshots"];
    streamService: ReturnType<typeof Stream>["service"];
  },
): Dashboard {
  const minute = Duration.minutes(1);
  const five = Duration.minutes(5);
  const fns = Object.entries(p.jobs.functions);
  const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
    new GraphWidget({ title, left, right, width: 12 });
  const d = new Dashboard(stack, "OperationsDashboard", { dashboardName: `${stage}-stratdeck` });
  d.addWidgets(
    graph(
      "Stream events per minute, per kind (left) and stalest kind's newest-event age (s, right)",
      STREAM_KINDS.map((kind) =>
        ownMetric(STREAM_METRICS.events, stage, { [STREAM_KIND_DIMENSION]: kind }, "Sum", minute),
      ),
      [p.newestAge],
    ),
    graph("Snapshot age (s)", [ownMetric(STREAM_METRICS.snapshotAge, stage, {}, "Maximum", minute)]),
  );
  d.addWidgets(
    graph(
      "Job durations (ms, p95)",
      fns.map(([, fn]) => fn.metricDuration({ statistic: "p95", period: five })),
    ),
    graph(
      "Job errors",
      fns.map(([, fn]) => fn.metricErrors({ statistic: "Sum", period: five })),
    ),
  );
  d.addWidgets(
    graph(
      "API latency (ms, p95) and 5xx",
      [p.api.cdk.httpApi.metricLatency({ statistic: "p95", period: five })],
      [p.api.cdk.httpApi.metricServerError({ statistic: "Sum", period: five })],
    ),
    graph("Dead-letter queue depth", [
      p.jobs.deadLetters.metricApproximateNumberOfMessagesVisible({ statistic: "Maximum", period: five }),
    ]),
  );
  d.addWidgets(
    graph(
      "Cost drivers: snapshot writes (WCU) and stream task CPU",
      [p.snapshots.metricConsumedWriteCapacityUnits({ statistic: "Sum", period: five })],
      [p.streamService.metricCpuUtilization({ statistic: "Average", period: five })],
    ),
    graph(
      "Cost drivers: Lambda invocations",
      fns.map(([, fn]) => fn.metricInvocations({ statistic: "Sum", period: five })),
    ),
  );
  return d;
}
