import type { ServiceEvent } from "@stratdeck/core/orchestrator";
import { serviceStateOf } from "../../../packages/functions/src/shared/ecs-capacity";

/**
 * ECS `DescribeServices` answers for the stream service in two outages, shaped as the ECS JSON 1.1
 * API sends them (the `Service` shape: ARNs, status, counts, capacity-provider strategy,
 * deployments, and `events` of `{id, createdAt, message}` with `createdAt` in epoch seconds with a
 * fraction, newest first), in the wording ECS uses for service events ("Capacity is unavailable
 * at this time. Please try again later or in a different availability zone" is the Fargate
 * capacity error of AWS's knowledge-center article "ecs-fargate-runtask-capacity"). Built from
 * that documentation, not recorded from an account: ids, ARNs and times are this project's.
 */
const ACCOUNT = "111122223333";
const CLUSTER = "prod-stratdeck-Stream-ClusterEB0386A7-Xq2Lw9fTzR1k";
const SERVICE = "prod-stratdeck-Stream-StreamService7F1C1A3B-Zx9Ke3mPq0aT";
const SVC = `(service ${SERVICE})`;
const NO_CAPACITY = `${SVC} was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`;

/** Epoch seconds with milliseconds, as the wire carries `createdAt`. */
const at = (iso: string) => Date.parse(iso) / 1000;

/** One service event on the wire. */
const event = (id: string, iso: string, message: string) => ({ id, createdAt: at(iso), message });

/** A whole DescribeServices answer for the stream service with these events (newest first). */
function describeServices(
  events: ReturnType<typeof event>[],
  counts: { desired: number; running: number; pending: number },
): Record<string, unknown> {
  const deploymentId = "ecs-svc/8265401973622189913";
  return {
    services: [
      {
        serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/${CLUSTER}/${SERVICE}`,
        serviceName: SERVICE,
        clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${CLUSTER}`,
        loadBalancers: [],
        serviceRegistries: [],
        status: "ACTIVE",
        desiredCount: counts.desired,
        runningCount: counts.running,
        pendingCount: counts.pending,
        capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
        platformVersion: "LATEST",
        platformFamily: "Linux",
        taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/prodstratdeckStreamStreamTask4B9C2E11:7`,
        deploymentConfiguration: {
          deploymentCircuitBreaker: { enable: true, rollback: true },
          maximumPercent: 100,
          minimumHealthyPercent: 0,
        },
        deployments: [
          {
            id: deploymentId,
            status: "PRIMARY",
            taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/prodstratdeckStreamStreamTask4B9C2E11:7`,
            desiredCount: counts.desired,
            pendingCount: counts.pending,
            runningCount: counts.running,
            failedTasks: 0,
            createdAt: at("2026-11-30T22:14:08.512Z"),
            updatedAt: at("2026-12-01T14:20:02.118Z"),
            capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
            platformVersion: "1.4.0",
            platformFamily: "Linux",
            networkConfiguration: {
              awsvpcConfiguration: {
                subnets: ["subnet-0c1d2e3f4a5b6c7d8", "subnet-0f9e8d7c6b5a4f3e2"],
                securityGroups: ["sg-0123456789abcdef0"],
                assignPublicIp: "ENABLED",
              },
            },
            rolloutState: "COMPLETED",
            rolloutStateReason: "ECS deployment ecs-svc/8265401973622189913 completed.",
          },
        ],
        roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
        events,
        createdAt: at("2026-11-30T22:14:08.512Z"),
        placementConstraints: [],
        placementStrategy: [],
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: ["subnet-0c1d2e3f4a5b6c7d8", "subnet-0f9e8d7c6b5a4f3e2"],
            securityGroups: ["sg-0123456789abcdef0"],
            assignPublicIp: "ENABLED",
          },
        },
        schedulingStrategy: "REPLICA",
        deploymentController: { type: "ECS" },
        createdBy: `arn:aws:iam::${ACCOUNT}:role/cdk-hnb659fds-cfn-exec-role-${ACCOUNT}-us-east-1`,
        enableECSManagedTags: false,
        propagateTags: "NONE",
        enableExecuteCommand: false,
        availabilityZoneRebalancing: "ENABLED",
      },
    ],
    failures: [],
  };
}

/** 10:40–11:00 New York: Spot has no capacity; ECS retries placement and starts nothing. */
export const NO_SPOT_CAPACITY_ANSWER = describeServices(
  [
    event("6c1f4a3e-2b8d-4e9a-a0f1-3d5c7b9e1a24", "2026-12-01T15:58:41.209Z", NO_CAPACITY),
    event("0e7d2c9b-5a1f-4b3e-8d6c-2f4a8e1b9c37", "2026-12-01T15:47:12.845Z", NO_CAPACITY),
    event(
      "a4b8c2d6-1e3f-4a5b-9c7d-8e0f2a4b6c81",
      "2026-12-01T15:42:05.377Z",
      `${SVC} has stopped 1 running tasks: (task 3f6b1e0c9a2d4b7e8f10a2b3c4d5e6f7).`,
    ),
    event(
      "d9e1f3a5-7b2c-4d6e-8f0a-1b3c5d7e9f02",
      "2026-12-01T14:20:55.031Z",
      `${SVC} has reached a steady state.`,
    ),
    event(
      "5b7d9f1a-3c5e-4a7b-9d1f-2a4c6e8b0d13",
      "2026-12-01T14:20:11.664Z",
      `${SVC} has started 1 tasks: (task 3f6b1e0c9a2d4b7e8f10a2b3c4d5e6f7).`,
    ),
  ],
  { desired: 1, running: 0, pending: 0 },
);

/** A bad image: ECS places and starts the task every few minutes, it exits, the breaker trips. */
export const CRASH_LOOP_ANSWER = describeServices(
  [
    event(
      "f2a4c6e8-0b1d-4f3a-a5c7-e9b1d3f5a7c9",
      "2026-12-01T15:57:30.118Z",
      `${SVC} (deployment ecs-svc/8265401973622189913) deployment failed: tasks failed to start.`,
    ),
    event(
      "1d3f5b7a-9c2e-4a4c-b6e8-0a2c4e6a8c0e",
      "2026-12-01T15:55:02.740Z",
      `${SVC} is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    ),
    event(
      "8a0c2e4f-6b8d-4c1e-93a5-b7d9f1b3d5f7",
      "2026-12-01T15:52:40.592Z",
      `${SVC} has started 1 tasks: (task 9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f).`,
    ),
    event("3e5a7c9f-1b2d-4e6f-a8b0-c2d4e6f8a0b2", "2026-12-01T15:46:18.006Z", NO_CAPACITY),
    event(
      "7c9e1a3d-5f6b-4a8c-b0d2-e4f6a8c0e2a4",
      "2026-12-01T15:44:09.913Z",
      `${SVC} has started 1 tasks: (task 0a1b2c3d4e5f60718293a4b5c6d7e8f9).`,
    ),
  ],
  { desired: 1, running: 0, pending: 1 },
);

/** The events as the ECS adapter reads them from those answers. */
export const NO_SPOT_CAPACITY: readonly ServiceEvent[] = serviceStateOf(
  NO_SPOT_CAPACITY_ANSWER,
  SERVICE,
).events;
export const CRASH_LOOP: readonly ServiceEvent[] = serviceStateOf(CRASH_LOOP_ANSWER, SERVICE).events;

/** When the health job reads them: 11:00 New York. */
export const READ_AT = Date.parse("2026-12-01T16:00:00Z");
