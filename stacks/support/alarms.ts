import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import type { Construct } from "constructs";

/** What one alarm watches and what the trader should do (the README lists the same). */
export interface AlarmSpec {
  metric: IMetric;
  /** One line: what it means when it fires. */
  meaning: string;
}

/**
 * An alarm that e-mails the trader through the alert topic when `metric` reaches 1 in one
 * evaluation period, and again when it recovers. Missing data (no runs, no traffic) is not
 * breaching.
 */
export function alertAlarm(scope: Construct, id: string, topic: ITopic, spec: AlarmSpec): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: spec.meaning,
    metric: spec.metric,
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

/** Period of the job and API alarms (the exits job runs every 5 minutes). */
export const ALARM_PERIOD = Duration.minutes(5);

/** Period of the health metrics' alarms (the health job runs every 15 minutes). */
export const HEALTH_ALARM_PERIOD = Duration.minutes(15);
