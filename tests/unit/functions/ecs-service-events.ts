import type { ServiceEvent } from "@stratdeck/core/orchestrator";

/**
 * ECS DescribeServices `events` of the stream service in two outages, in the wording ECS uses
 * (service event messages; "Capacity is unavailable at this time. Please try again later or in a
 * different availability zone" is the Fargate capacity error AWS documents in the knowledge-center
 * article "ecs-fargate-runtask-capacity"). Newest first, as DescribeServices returns them.
 */
const at = (iso: string) => Date.parse(iso);
const SVC = "(service prod-stratdeck-Stream-StreamService7F1C1A3B-Zx9)";

/** 10:40–11:00 New York: Spot has no capacity; ECS retries placement and starts nothing. */
export const NO_SPOT_CAPACITY: ServiceEvent[] = [
  {
    createdAt: at("2026-12-01T15:58:41Z"),
    message: `${SVC} was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  },
  {
    createdAt: at("2026-12-01T15:47:12Z"),
    message: `${SVC} was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  },
  {
    createdAt: at("2026-12-01T15:40:03Z"),
    message: `${SVC} (task 3f6b1e0c9a2d4b7e8f10a2b3c4d5e6f7) was stopped. Reason: Your Spot Task was interrupted.`,
  },
  { createdAt: at("2026-12-01T14:20:55Z"), message: `${SVC} has reached a steady state.` },
  {
    createdAt: at("2026-12-01T14:20:11Z"),
    message: `${SVC} has started 1 tasks: (task 3f6b1e0c9a2d4b7e8f10a2b3c4d5e6f7).`,
  },
];

/** A bad image: ECS places and starts the task every few minutes, it exits, the breaker trips. */
export const CRASH_LOOP: ServiceEvent[] = [
  {
    createdAt: at("2026-12-01T15:57:30Z"),
    message: `${SVC} (deployment ecs-svc/8265401973622189913) deployment failed: tasks failed to start.`,
  },
  {
    createdAt: at("2026-12-01T15:55:02Z"),
    message: `${SVC} is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  },
  {
    createdAt: at("2026-12-01T15:52:40Z"),
    message: `${SVC} has started 1 tasks: (task 9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f).`,
  },
  {
    createdAt: at("2026-12-01T15:46:18Z"),
    message: `${SVC} was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  },
  {
    createdAt: at("2026-12-01T15:44:09Z"),
    message: `${SVC} has started 1 tasks: (task 0a1b2c3d4e5f60718293a4b5c6d7e8f9).`,
  },
];

/** When the health job reads them: 11:00 New York. */
export const READ_AT = at("2026-12-01T16:00:00Z");
