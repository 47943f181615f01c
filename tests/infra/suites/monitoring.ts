import { describe, expect, it } from "vitest";
import { SCHEDULES } from "@stratdeck/core/orchestrator";
import { deadManWindows } from "../../../stacks/monitoring";
import { matchesPattern } from "../../support/event-pattern";
import { resourcesOfType, STAGE, type BuiltApp, type CfnResource } from "../built-app";
import { CLUSTER_ARN, NOT_ALERTED, UNPLANNED_STOPS } from "../ecs-task-events";

const json = (x: unknown) => JSON.stringify(x);

/** The one alarm whose description matches. */
function alarm(app: BuiltApp, description: RegExp): [string, CfnResource] {
  const hits = resourcesOfType(app, "AWS::CloudWatch::Alarm").filter(([, , r]) =>
    description.test(String(r.Properties?.AlarmDescription)),
  );
  expect(hits, String(description)).toHaveLength(1);
  return [hits[0]![1], hits[0]![2]];
}

/** Cron expressions of the schedules that call `action` on the alarm with logical id `alarmId`. */
function windowCrons(app: BuiltApp, alarmId: string, action: string): string[] {
  return resourcesOfType(app, "AWS::Scheduler::Schedule", ["Monitoring"])
    .filter(([, , s]) => json(s.Properties?.Target).includes(`aws-sdk:cloudwatch:${action}`))
    .filter(([, , s]) => json(s.Properties?.Target).includes(alarmId))
    .map(([, , s]) => s.Properties?.ScheduleExpression as string);
}

const topicAction = [{ "Fn::ImportValue": expect.stringMatching(/Alerts:ExportsOutputRefAlertTopic/) }];

export function monitoringSuite(app: () => BuiltApp): void {
  describe("watching the watchers", () => {
    it("the stream's own freshness: missing data is breaching, pages within 5 minutes, in market hours only", () => {
      const [id, a] = alarm(app(), /newest market event/);
      expect(a.Properties).toMatchObject({
        Namespace: "StratDeck",
        MetricName: "StreamNewestEventAge",
        Dimensions: expect.arrayContaining([
          { Name: "Stage", Value: STAGE },
          { Name: "service", Value: "stratdeck" },
        ]),
        Statistic: "Maximum",
        Period: 60,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
        Threshold: 120,
        TreatMissingData: "breaching",
        ActionsEnabled: false,
        AlarmActions: topicAction,
      });
      // 3 one-minute periods after a 120 s age: a stalled feed pages ≤ 5 min after its last event.
      expect(120 + 3 * 60).toBeLessThanOrEqual(300);
      const opens = windowCrons(app(), id, "enableAlarmActions");
      expect(opens).toContain("cron(30 9 2,3,4,5,6,9,10,11,12,13,16,17,18,19,20,23,24,25,27,30 11 ? 2026)");
      expect(windowCrons(app(), id, "setAlarmState")).toContain(
        "cron(31 9 2,3,4,5,6,9,10,11,12,13,16,17,18,19,20,23,24,25,27,30 11 ? 2026)",
      );
      expect(windowCrons(app(), id, "disableAlarmActions")).toEqual(
        expect.arrayContaining(["cron(15 16 ? * MON-FRI *)", "cron(15 13 27 11 ? 2026)"]),
      );
    });

    for (const s of SCHEDULES) {
      it(`${s.job}: a dead-man alarm on its heartbeat (missing = breaching) inside its window`, () => {
        const [id, a] = alarm(app(), new RegExp(`^Job ${s.job} has not been invoked`));
        expect(a.Properties).toMatchObject({
          MetricName: "JobHeartbeat",
          Dimensions: expect.arrayContaining([{ Name: "Job", Value: s.job }]),
          Statistic: "Sum",
          Period: 300,
          EvaluationPeriods: 6,
          DatapointsToAlarm: 6,
          ComparisonOperator: "LessThanThreshold",
          Threshold: 1,
          TreatMissingData: "breaching",
          AlarmActions: topicAction,
        });
        const windows = deadManWindows(s);
        const cron = (m: number) => `cron(${m % 60} ${Math.floor(m / 60)} ? * MON-FRI *)`;
        expect(windowCrons(app(), id, "enableAlarmActions")).toEqual(windows.map((w) => cron(w.open)));
        expect(windowCrons(app(), id, "disableAlarmActions")).toEqual(windows.map((w) => cron(w.close)));
        for (const w of windows) expect(w.open).toBeLessThan(w.close);
      });
    }

    it("alarms on DynamoDB throttles, Lambda throttles and SNS delivery failures", () => {
      const [, ddb] = alarm(app(), /DynamoDB throttled/);
      expect(json(ddb.Properties?.Metrics)).toMatch(
        /WriteThrottleEvents.*ReadThrottleEvents|ReadThrottleEvents.*WriteThrottleEvents/,
      );
      expect(alarm(app(), /Lambda throttled/)[1].Properties).toMatchObject({
        Namespace: "AWS/Lambda",
        MetricName: "Throttles",
      });
      expect(alarm(app(), /SNS failed to deliver/)[1].Properties).toMatchObject({
        Namespace: "AWS/SNS",
        MetricName: "NumberOfNotificationsFailed",
      });
    });

    it("e-mails a stream task stop nobody planned, tested on ECS Task State Change events as EventBridge sends them", () => {
      const rules = resourcesOfType(app(), "AWS::Events::Rule", ["Monitoring"]);
      expect(rules).toHaveLength(1);
      const rule = rules[0]![2].Properties!;
      const pattern = rule.EventPattern as { detail: { clusterArn: unknown[] } } & Record<string, unknown>;
      // The cluster is the stream stack's (an import in the template): resolved to the events' one.
      expect(json(pattern.detail.clusterArn)).toMatch(/Cluster/);
      const resolved = { ...pattern, detail: { ...pattern.detail, clusterArn: [CLUSTER_ARN] } };
      for (const [name, event] of Object.entries(UNPLANNED_STOPS))
        expect(matchesPattern(resolved, event), name).toBe(true);
      for (const [name, event] of Object.entries(NOT_ALERTED))
        expect(matchesPattern(resolved, event), name).toBe(false);
      // The e-mail names the stop code and reason: both paths exist in every alerted event.
      const target = (
        rule.Targets as { Arn: unknown; InputTransformer: { InputPathsMap: Record<string, string> } }[]
      )[0]!;
      expect(json(target.Arn)).toMatch(/AlertTopic/);
      const paths = Object.values(target.InputTransformer.InputPathsMap);
      expect(paths.sort()).toEqual(["$.detail.stopCode", "$.detail.stoppedReason"]);
      for (const event of Object.values(UNPLANNED_STOPS))
        for (const path of paths) {
          const value = path
            .split(".")
            .slice(1)
            .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], event);
          expect(typeof value, path).toBe("string");
        }
    });

    it("has one operations dashboard with the stream, snapshots, jobs, API, DLQ and cost drivers", () => {
      const boards = resourcesOfType(app(), "AWS::CloudWatch::Dashboard");
      expect(boards).toHaveLength(1);
      const body = json(boards[0]![2].Properties?.DashboardBody);
      for (const title of [
        "Stream events per minute",
        "Snapshot age",
        "Job durations",
        "Job errors",
        "API latency",
        "Dead-letter queue depth",
        "Cost drivers",
      ])
        expect(body).toContain(title);
      for (const metric of [
        "StreamEvents",
        "SnapshotAge",
        "Duration",
        "Errors",
        "Latency",
        "5xx",
        "ConsumedWriteCapacityUnits",
      ])
        expect(body).toContain(metric);
    });
  });
}
