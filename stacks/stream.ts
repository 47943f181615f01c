import { Duration, IgnoreMode, TimeZone } from "aws-cdk-lib";
import { Schedule } from "aws-cdk-lib/aws-applicationautoscaling";
import { SecurityGroup, SubnetType, Vpc } from "aws-cdk-lib/aws-ec2";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import {
  AwsLogDriver,
  CfnClusterCapacityProviderAssociations,
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  OperatingSystemFamily,
  Secret as EcsSecret,
} from "aws-cdk-lib/aws-ecs";
import { StringParameter } from "aws-cdk-lib/aws-ssm";
import { use, type StackContext } from "sst/constructs";
import { useProject } from "sst/project.js";
import { SCHEDULE_TIME_ZONE } from "@stratdeck/core/orchestrator";
import { Secrets } from "./secrets";
import { Storage } from "./storage";
import { appLogGroup } from "./support/logs";
import { suppressStreamFindings } from "./support/nag";
import { grantTables, type TableAccess } from "./support/table-access";
import { deployDate, streamScalingActions, streamWriteCadence } from "./support/stream-window";

export { streamWriteCadence };

/** Dockerfile of the stream task, relative to the repo root (the build context). */
export const STREAM_DOCKERFILE = "packages/functions/src/stream/Dockerfile";

/**
 * The stream task writes snapshots (BatchWriteItem only) and its heartbeat, reads open positions
 * to subscribe their legs, and its REST calls (quote token, chains) go through the cooldown gate.
 */
export const STREAM_ACCESS: TableAccess = {
  snapshots: "write",
  status: "write",
  orders: "read",
  cooldowns: "readwrite",
};

/**
 * Run the task on Fargate Spot (about 70% cheaper; AWS may stop it with 2 minutes' notice, after
 * which the service starts another and the stream resubscribes) — the default, to keep the bill
 * under $3/month. `STRATDECK_STREAM_SPOT=false` at deploy uses on-demand Fargate.
 */
export function streamOnSpot(env: Readonly<Record<string, string | undefined>>): boolean {
  return !/^(0|false|no|off)$/i.test(env.STRATDECK_STREAM_SPOT?.trim() ?? "");
}

/**
 * Tasks the service is given by CloudFormation. A deploy in a session therefore stops the running
 * task; the health job starts it again within 15 minutes (or the next scheduled open does), and
 * `aws ecs update-service --desired-count 1` does it at once (README).
 */
export const STREAM_DESIRED_COUNT_AT_DEPLOY = 0;

/** Heartbeat file the stream task touches on every heartbeat (the container health check reads it). */
export const STREAM_LIVENESS_FILE = "/tmp/stream-alive";

/** Container health check: healthy while the liveness file is younger than 90 s. */
const STREAM_HEALTH_CHECK = `process.exit(Date.now() - require("fs").statSync("${STREAM_LIVENESS_FILE}").mtimeMs < 90000 ? 0 : 1)`;

/**
 * Kept out of the Docker build context (and out of the asset hash) on top of the repo root's
 * `.dockerignore`, which lists the only paths the image reads (Docker ignore semantics).
 */
const CONTEXT_EXCLUDE = [
  "node_modules",
  "**/node_modules",
  ".git",
  ".sst",
  ".sst.config.*",
  "cdk.out",
  ".stratdeck",
  "test-artifacts",
  "dist",
  "*.log",
  ".env*",
];

/**
 * The DXLink stream task on Fargate: arm64, 0.25 vCPU / 0.5 GB, one task, public subnets with a
 * public IP and no NAT gateway (egress-only security group), running only during market hours
 * via scheduled scaling in America/New_York. Secrets come from SST's SSM parameters.
 */
export function Stream({ stack }: StackContext) {
  const { tables } = use(Storage);
  const secrets = use(Secrets);
  const vpc = new Vpc(stack, "Vpc", {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: "public", subnetType: SubnetType.PUBLIC, cidrMask: 24 }],
  });
  const cluster = new Cluster(stack, "Cluster", { vpc, containerInsightsV2: ContainerInsights.DISABLED });
  const spot = streamOnSpot(process.env);
  // Made here rather than by `enableFargateCapacityProviders()` (an aspect, too late to depend on);
  // same construct path, so the same logical id as before.
  const providers = spot
    ? new CfnClusterCapacityProviderAssociations(cluster, "Cluster", {
        cluster: cluster.clusterName,
        capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy: [],
      })
    : undefined;
  const task = new FargateTaskDefinition(stack, "StreamTask", {
    cpu: 256,
    memoryLimitMiB: 512,
    runtimePlatform: {
      cpuArchitecture: CpuArchitecture.ARM64,
      operatingSystemFamily: OperatingSystemFamily.LINUX,
    },
  });
  const env = grantTables(task.taskRole, tables, STREAM_ACCESS);
  const { config, paths } = useProject();
  const ssmPrefix = config.ssmPrefix;
  const secret = (s: { name: string }) =>
    EcsSecret.fromSsmParameter(
      StringParameter.fromSecureStringParameterAttributes(stack, `${s.name}Param`, {
        parameterName: `${ssmPrefix}Secret/${s.name}/value`,
      }),
    );
  task.addContainer("stream", {
    image: ContainerImage.fromAsset(paths.root, {
      file: STREAM_DOCKERFILE,
      platform: Platform.LINUX_ARM64,
      exclude: CONTEXT_EXCLUDE,
      ignoreMode: IgnoreMode.DOCKER,
    }),
    logging: new AwsLogDriver({ streamPrefix: "stream", logGroup: appLogGroup(stack, "StreamLogs") }),
    environment: {
      ...env,
      STRATDECK_DATA_MODE: "live",
      STRATDECK_TRADING_MODE: "paper",
      STRATDECK_LOG_LEVEL: "INFO",
      // The stage the freshness metrics are dimensioned by (the staleness alarm reads it).
      STRATDECK_STAGE: stack.stage,
      ...streamWriteCadence(process.env),
    },
    secrets: {
      TASTY_CLIENT_SECRET: secret(secrets.tastyClientSecret),
      TASTY_REFRESH_TOKEN: secret(secrets.tastyRefreshToken),
    },
    // SIGTERM (scale-in at the close, a deploy) gets time to flush the coalescer and mark the gap.
    stopTimeout: Duration.seconds(60),
    // The task touches this file on every heartbeat; a task whose loop hangs is replaced.
    healthCheck: {
      command: ["CMD", "node", "-e", STREAM_HEALTH_CHECK],
      interval: Duration.seconds(30),
      timeout: Duration.seconds(5),
      retries: 3,
      startPeriod: Duration.seconds(60),
    },
  });
  const securityGroup = new SecurityGroup(stack, "StreamSecurityGroup", {
    vpc,
    description: "Stream task: egress only (DXLink WebSocket, tastytrade REST, DynamoDB)",
    allowAllOutbound: true,
  });
  const service = new FargateService(stack, "StreamService", {
    cluster,
    taskDefinition: task,
    assignPublicIp: true,
    vpcSubnets: { subnetType: SubnetType.PUBLIC },
    securityGroups: [securityGroup],
    minHealthyPercent: 0,
    maxHealthyPercent: 100,
    circuitBreaker: { rollback: true },
    // Explicit 0: creating the service starts no task, so a first deploy never waits on one it
    // cannot start (no Spot capacity, a secret unset); the scheduled scaling starts it in session.
    desiredCount: STREAM_DESIRED_COUNT_AT_DEPLOY,
    ...(spot ? { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] } : {}),
  });
  // Created after (and on `sst remove` deleted before) the association of FARGATE_SPOT: otherwise
  // "capacity provider ... is not associated with the cluster", or an association in use.
  if (providers) service.node.addDependency(providers);
  const scaling = service.autoScaleTaskCount({ minCapacity: 0, maxCapacity: 1 });
  const timeZone = TimeZone.of(SCHEDULE_TIME_ZONE);
  const { actions, horizonEnd } = streamScalingActions(deployDate(process.env, Date.now()));
  for (const a of actions) {
    scaling.scaleOnSchedule(a.name, {
      schedule: Schedule.expression(a.cron),
      timeZone,
      minCapacity: a.tasks,
      maxCapacity: a.tasks,
    });
  }
  stack.addOutputs({ StreamScheduleHorizonEnd: horizonEnd });
  suppressStreamFindings({ vpc, cluster, task });
  return { service, cluster, vpc, spot, horizonEnd };
}
