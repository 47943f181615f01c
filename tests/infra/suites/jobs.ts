import { describe, expect, it } from "vitest";
import { cronExpression, cronExpressions, SCHEDULES, SCHEDULE_TIME_ZONE } from "@stratdeck/core/orchestrator";
import { functionNamed, resourcesOfType, type BuiltApp } from "../built-app";

const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function jobsSuite(app: () => BuiltApp): void {
  describe("scheduled jobs", () => {
    it("has one EventBridge Scheduler schedule per shared schedule, and no EventBridge rules", () => {
      const crons = SCHEDULES.flatMap((s) => cronExpressions(s));
      expect(resourcesOfType(app(), "AWS::Scheduler::Schedule")).toHaveLength(crons.length);
      expect(resourcesOfType(app(), "AWS::Events::Rule")).toHaveLength(0);
    });

    it("settle: extra morning runs for AM roots, each its own schedule on the settle function", () => {
      const settle = SCHEDULES.find((s) => s.job === "settle")!;
      const [fnId] = functionNamed(app(), "Jobs", "SettleJob");
      const expressions = resourcesOfType(app(), "AWS::Scheduler::Schedule")
        .filter(([, , r]) => JSON.stringify(r.Properties?.Target).includes(`"${fnId}"`))
        .map(([, , r]) => r.Properties?.ScheduleExpression)
        .sort();
      expect(expressions).toEqual(
        ["cron(0/5 16-16 ? * MON-FRI *)", "cron(45 9 ? * MON-FRI *)", "cron(15 10 ? * MON-FRI *)"].sort(),
      );
      expect(cronExpressions(settle)).toHaveLength(3);
    });

    for (const s of SCHEDULES) {
      it(`${s.job}: ${cronExpression(s)} in ${SCHEDULE_TIME_ZONE}, invoking its own function`, () => {
        const [fnId] = functionNamed(app(), "Jobs", `${title(s.job)}Job`);
        const [, , schedule] = resourcesOfType(app(), "AWS::Scheduler::Schedule").find(
          ([, , r]) =>
            JSON.stringify(r.Properties?.Target).includes(`"${fnId}"`) &&
            r.Properties?.ScheduleExpression === cronExpression(s),
        )!;
        expect(schedule.Properties).toMatchObject({
          ScheduleExpression: cronExpression(s),
          ScheduleExpressionTimezone: "America/New_York",
          FlexibleTimeWindow: { Mode: "OFF" },
          State: "ENABLED",
        });
        const input = JSON.parse((schedule.Properties?.Target as { Input: string }).Input);
        expect(input).toMatchObject({
          time: "<aws.scheduler.scheduled-time>",
          "detail-type": "Scheduled Event",
          detail: { job: s.job },
        });
      });
    }
  });
}
