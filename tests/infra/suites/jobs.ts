import { describe, expect, it } from "vitest";
import {
  cronExpressions,
  cronMinutes,
  SCHEDULES,
  SCHEDULE_TIME_ZONE,
  scheduleOf,
  skipReason,
  type JobName,
} from "@stratdeck/core/orchestrator";
import { nyWallTimeToUtc } from "@stratdeck/core/time";
import { functionNamed, resourcesOfType, type BuiltApp, type CfnResource } from "../built-app";

const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The synthesized schedules that invoke a job's function. */
function schedulesOf(app: BuiltApp, job: JobName): CfnResource[] {
  const [fnId] = functionNamed(app, "Jobs", `${title(job)}Job`);
  return resourcesOfType(app, "AWS::Scheduler::Schedule")
    .filter(([, , r]) => JSON.stringify(r.Properties?.Target).includes(`"${fnId}"`))
    .map(([, , r]) => r);
}

/** New York minutes at which a job does work on `date`: its deployed crons, through the handler's gate. */
function workingMinutes(app: BuiltApp, job: JobName, date: string): number[] {
  return schedulesOf(app, job)
    .flatMap((s) => cronMinutes(s.Properties?.ScheduleExpression as string))
    .filter((m) => skipReason(scheduleOf(job), nyWallTimeToUtc(date, m)) === null)
    .sort((a, b) => a - b);
}

export function jobsSuite(app: () => BuiltApp): void {
  describe("scheduled jobs", () => {
    const queueId = "JobsDeadLetterQueue";
    const dlq = () => resourcesOfType(app(), "AWS::SQS::Queue", ["Jobs"]);

    it("has the schedules of every shared schedule's exact cron expressions, and no EventBridge rules", () => {
      const expected = SCHEDULES.flatMap(cronExpressions).length;
      expect(resourcesOfType(app(), "AWS::Scheduler::Schedule", ["Jobs"])).toHaveLength(expected);
      expect(resourcesOfType(app(), "AWS::Events::Rule", ["Jobs"])).toHaveLength(0);
      expect(dlq()).toHaveLength(1);
      expect(dlq()[0]![1]).toMatch(new RegExp(`^${queueId}`));
      expect(dlq()[0]![2].Properties).toMatchObject({ SqsManagedSseEnabled: true });
    });

    it("settle: after the close plus extra morning runs for AM roots, each its own schedule", () => {
      expect(schedulesOf(app(), "settle").map((x) => x.Properties?.ScheduleExpression)).toEqual([
        "cron(5,10,15,20 16 ? * MON-FRI *)",
        "cron(45 9 ? * MON-FRI *)",
        "cron(15 10 ? * MON-FRI *)",
      ]);
    });

    for (const s of SCHEDULES) {
      it(`${s.job}: ${cronExpressions(s).join(" + ")} in ${SCHEDULE_TIME_ZONE}, retried, dead-lettered`, () => {
        const [fnId] = functionNamed(app(), "Jobs", `${title(s.job)}Job`);
        const schedules = schedulesOf(app(), s.job);
        expect(schedules.map((x) => x.Properties?.ScheduleExpression)).toEqual(cronExpressions(s));
        const queueRef = { "Fn::GetAtt": [dlq()[0]![1], "Arn"] };
        for (const schedule of schedules) {
          expect(schedule.Properties).toMatchObject({
            ScheduleExpressionTimezone: "America/New_York",
            FlexibleTimeWindow: { Mode: "OFF" },
            State: "ENABLED",
            Target: {
              DeadLetterConfig: { Arn: queueRef },
              RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
            },
          });
          const input = JSON.parse((schedule.Properties?.Target as { Input: string }).Input) as unknown;
          expect(input).toMatchObject({
            time: "<aws.scheduler.scheduled-time>",
            "detail-type": "Scheduled Event",
            detail: { job: s.job },
          });
        }
        // A run that still fails after Lambda's own retries goes to the same queue.
        const invoke = resourcesOfType(app(), "AWS::Lambda::EventInvokeConfig", ["Jobs"]).find(
          ([, , r]) => JSON.stringify(r.Properties?.FunctionName) === JSON.stringify({ Ref: fnId }),
        );
        expect(invoke?.[2].Properties).toMatchObject({
          MaximumRetryAttempts: 2,
          MaximumEventAgeInSeconds: 600,
          DestinationConfig: { OnFailure: { Destination: queueRef } },
        });
      });
    }

    it("no job does work on a holiday (2026-12-25) or a one-off closure (2025-01-09)", () => {
      for (const s of SCHEDULES) {
        expect(workingMinutes(app(), s.job, "2026-12-25"), s.job).toEqual([]);
        expect(workingMinutes(app(), s.job, "2025-01-09"), s.job).toEqual([]);
        expect(workingMinutes(app(), s.job, "2026-12-28").length, s.job).toBeGreaterThan(0);
      }
    });

    it("exits are checked until index options close (16:10 last; 13:10 on the early close of 2026-11-27)", () => {
      const last = (job: JobName, date: string) => workingMinutes(app(), job, date).at(-1)!;
      expect(last("exits", "2026-11-27")).toBe(13 * 60 + 10);
      expect(last("exits", "2026-11-30")).toBe(16 * 60 + 10);
      expect(last("ideas", "2026-11-27")).toBe(12 * 60);
      expect(last("health", "2026-11-27")).toBe(13 * 60);
      expect(last("health", "2026-11-30")).toBe(16 * 60);
    });
  });
}
