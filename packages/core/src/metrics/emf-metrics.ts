import { METRICS_NAMESPACE, STAGE_DIMENSION, type MetricValue, type Metrics } from "./metrics";

/**
 * Metrics as CloudWatch Embedded Metric Format: one JSON line per publish, written with `write`
 * (in Lambda, stdout; CloudWatch Logs extracts the metrics, no API call, no extra permission).
 */
export class EmfMetrics implements Metrics {
  constructor(
    private readonly stage: string,
    private readonly write: (line: string) => void,
    private readonly namespace = METRICS_NAMESPACE,
  ) {}

  publish(values: readonly MetricValue[], at: number): void {
    if (values.length === 0) return;
    const doc: Record<string, unknown> = {
      _aws: {
        Timestamp: at,
        CloudWatchMetrics: [
          {
            Namespace: this.namespace,
            Dimensions: [[STAGE_DIMENSION]],
            Metrics: values.map((v) => ({ Name: v.name, Unit: v.unit })),
          },
        ],
      },
      [STAGE_DIMENSION]: this.stage,
    };
    for (const v of values) doc[v.name] = v.value;
    try {
      this.write(`${JSON.stringify(doc)}\n`);
    } catch {
      // Metrics never stop a run.
    }
  }
}
