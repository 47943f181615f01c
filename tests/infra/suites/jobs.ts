import { describe, expect, it } from "vitest";
import { cronExpression, SCHEDULES, SCHEDULE_TIME_ZONE } from "@stratdeck/core/orchestrator";
import { functionNamed, resourcesOfType, type BuiltApp } from "../built-app";

const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function jobsSuite(app: () => BuiltApp): void {
  describe("scheduled jobs", () => {
    it("has one EventBridge Scheduler schedule per shared schedule, and no EventBridge rules", () => {
      expect(resourcesOfType(app(), "AWS::Scheduler::Schedule")).toHaveLength(SCHEDULES.length);
      expect(resourcesOfType(app(), "AWS::Events::Rule")).toHaveLength(0);
    });

    for (const s of SCHEDULES) {
      it(`${s.job}: ${cronExpression(s)} in ${SCHEDULE_TIME_ZONE}, invoking its own function`, () => {
        const [fnId] = functionNamed(app(), "Jobs", `${title(s.job)}Job`);
        const [, , schedule] = resourcesOfType(app(), "AWS::Scheduler::Schedule").find(([, , r]) =>
          JSON.stringify(r.Properties?.Target).includes(`"${fnId}"`),
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
