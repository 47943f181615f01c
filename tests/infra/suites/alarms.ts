import { describe, expect, it } from "vitest";
import { SCHEDULES } from "@stratdeck/core/orchestrator";
import { functionNamed, resourcesOfType, type BuiltApp, type CfnResource } from "../built-app";

const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const json = (x: unknown) => JSON.stringify(x);

/** The alarm whose description matches, and how many metrics it watches (each is billed). */
function alarm(app: BuiltApp, description: RegExp): CfnResource {
  const hits = resourcesOfType(app, "AWS::CloudWatch::Alarm").filter(([, , r]) =>
    description.test(String(r.Properties?.AlarmDescription)),
  );
  expect(hits, String(description)).toHaveLength(1);
  return hits[0]![2];
}

const metricCount = (a: CfnResource): number =>
  a.Properties?.Metrics
    ? (a.Properties.Metrics as { MetricStat?: unknown }[]).filter((m) => m.MetricStat).length
    : 1;

export function alarmsSuite(app: () => BuiltApp): void {
  describe("alarms", () => {
    it("every always-on alarm e-mails the trader through the alert topic when it fires and when it recovers", () => {
      const alarms = resourcesOfType(app(), "AWS::CloudWatch::Alarm").filter(
        ([, , a]) => a.Properties?.TreatMissingData !== "breaching",
      );
      expect(alarms.length).toBe(6);
      for (const [stack, id, a] of alarms) {
        const topic = { "Fn::ImportValue": expect.stringMatching(/Alerts:ExportsOutputRefAlertTopic/) };
        expect(a.Properties, `${stack}/${id}`).toMatchObject({
          AlarmActions: [topic],
          OKActions: [topic],
          Threshold: 1,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
          EvaluationPeriods: 1,
          TreatMissingData: "notBreaching",
        });
      }
    });

    it("watches 17 alarm metrics: 7 above the free 10, $0.70 a month (the README's cost table)", () => {
      const total = resourcesOfType(app(), "AWS::CloudWatch::Alarm").reduce(
        (n, [, , a]) => n + metricCount(a),
        0,
      );
      expect(total).toBe(17);
    });

    it("errors of any job: the sum of every scheduled job function's Errors", () => {
      const a = alarm(app(), /scheduled job .* failed/);
      const metrics = a.Properties?.Metrics as { Id: string; Expression?: string; MetricStat?: unknown }[];
      expect(metrics.find((m) => m.Expression)?.Expression).toBe(SCHEDULES.map((s) => s.job).join(" + "));
      for (const s of SCHEDULES) {
        const [fnId] = functionNamed(app(), "Jobs", `${title(s.job)}Job`);
        const m = metrics.find((x) => x.Id === s.job);
        expect(json(m?.MetricStat), s.job).toContain(`"MetricName":"Errors"`);
        expect(json(m?.MetricStat), s.job).toContain(`"Ref":"${fnId}"`);
      }
    });

    it("messages in the dead-letter queue", () => {
      const [[, queueId]] = resourcesOfType(app(), "AWS::SQS::Queue", ["Jobs"]) as [
        [string, string, unknown],
      ];
      expect(alarm(app(), /is in the dead-letter queue/).Properties).toMatchObject({
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }],
      });
    });

    it("API 5xx of the HTTP API", () => {
      const [[, apiId]] = resourcesOfType(app(), "AWS::ApiGatewayV2::Api", ["HttpApi"]) as [
        [string, string, unknown],
      ];
      expect(alarm(app(), /HTTP API answered 5xx/).Properties).toMatchObject({
        Namespace: "AWS/ApiGateway",
        MetricName: "5xx",
        Statistic: "Sum",
        Dimensions: [{ Name: "ApiId", Value: { Ref: apiId } }],
      });
    });
  });
}
