import type { Alarm } from "aws-cdk-lib/aws-cloudwatch";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Schedule, ScheduleExpression, ScheduleTargetInput } from "aws-cdk-lib/aws-scheduler";
import { Universal } from "aws-cdk-lib/aws-scheduler-targets";
import { TimeZone } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { SCHEDULE_TIME_ZONE } from "@stratdeck/core/orchestrator";

/** A New York cron for minute-of-day `m` on the given day, month and year fields. */
export type CronAt = (minuteOfDay: number) => string;

/** Weekdays, every week. */
export const weekdays: CronAt = (m) => `cron(${m % 60} ${Math.floor(m / 60)} ? * MON-FRI *)`;

/** The listed days of one month of one year. */
export const onDays =
  (days: readonly number[], month: number, year: number): CronAt =>
  (m) =>
    `cron(${m % 60} ${Math.floor(m / 60)} ${days.join(",")} ${month} ? ${year})`;

/** When an alarm's actions are on: opening and closing times, New York. */
export interface AlarmWindow {
  /** Each opening: the days it applies to and its minute of day. */
  opens: { days: CronAt; minute: number }[];
  closes: { days: CronAt; minute: number }[];
}

/**
 * Turns an alarm that treats missing data as breaching into a market-hours alarm: EventBridge
 * Scheduler enables its actions at each opening and sets it to OK one minute later (so an outage
 * that began overnight, with the alarm already in ALARM, still transitions and notifies at the
 * next evaluation), and disables them at each closing (nights, weekends and holidays stay silent).
 * The alarm is created with its actions disabled; a deploy that changes it disables them until the
 * next opening.
 */
export function alarmWindow(scope: Construct, id: string, alarm: Alarm, window: AlarmWindow): void {
  const call = (action: string, iamAction: string, input: Record<string, unknown>) =>
    new Universal({
      service: "cloudwatch",
      action,
      input: ScheduleTargetInput.fromObject(input),
      policyStatements: [new PolicyStatement({ actions: [iamAction], resources: [alarm.alarmArn] })],
      retryAttempts: 2,
    });
  const schedule = (name: string, cron: string, target: Universal) =>
    new Schedule(scope, `${id}${name}`, {
      schedule: ScheduleExpression.expression(cron, TimeZone.of(SCHEDULE_TIME_ZONE)),
      target,
      description: `${id}: ${name} (${cron})`,
    });
  window.opens.forEach((o, i) => {
    schedule(
      `Open${i}`,
      o.days(o.minute),
      call("enableAlarmActions", "cloudwatch:EnableAlarmActions", { AlarmNames: [alarm.alarmName] }),
    );
    schedule(
      `Reset${i}`,
      o.days(o.minute + 1),
      call("setAlarmState", "cloudwatch:SetAlarmState", {
        AlarmName: alarm.alarmName,
        StateValue: "OK",
        StateReason: "Market-hours window opened: evaluating from now",
      }),
    );
  });
  window.closes.forEach((c, i) =>
    schedule(
      `Close${i}`,
      c.days(c.minute),
      call("disableAlarmActions", "cloudwatch:DisableAlarmActions", { AlarmNames: [alarm.alarmName] }),
    ),
  );
}
