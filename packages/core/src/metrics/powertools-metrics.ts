import { Metrics as PowertoolsMetrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import {
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  STAGE_DIMENSION,
  type MetricValue,
  type Metrics,
} from "./metrics";

const UNITS: Readonly<Record<MetricValue["unit"], Parameters<PowertoolsMetrics["addMetric"]>[1]>> = {
  Count: MetricUnit.Count,
  Milliseconds: MetricUnit.Milliseconds,
  Seconds: MetricUnit.Seconds,
  None: MetricUnit.NoUnit,
};

/**
 * Metrics through Powertools for AWS Lambda (TypeScript) Metrics: one embedded-metric-format line
 * per publish on stdout, which CloudWatch Logs turns into metrics (from a Lambda function's and the
 * Fargate task's awslogs log group alike; no API call, no extra permission). Every metric carries
 * the dimensions `service` ({@link METRICS_SERVICE}) and {@link STAGE_DIMENSION}, plus the
 * publish's own dimensions.
 */
export class PowertoolsMetricsPort implements Metrics {
  private readonly metrics: PowertoolsMetrics;

  constructor(stage: string) {
    this.metrics = new PowertoolsMetrics({
      namespace: METRICS_NAMESPACE,
      serviceName: METRICS_SERVICE,
      defaultDimensions: { [STAGE_DIMENSION]: stage },
    });
  }

  publish(
    values: readonly MetricValue[],
    at: number,
    dimensions: Readonly<Record<string, string>> = {},
  ): void {
    if (values.length === 0) return;
    try {
      this.metrics.addDimensions({ ...dimensions });
      for (const v of values) this.metrics.addMetric(v.name, UNITS[v.unit], v.value);
      this.metrics.setTimestamp(at);
      this.metrics.publishStoredMetrics();
    } catch {
      // Metrics never stop a run.
      this.metrics.clearMetrics();
      this.metrics.clearDimensions();
    }
  }
}
