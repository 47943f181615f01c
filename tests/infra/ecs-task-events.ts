/**
 * "ECS Task State Change" events of the stream task as EventBridge delivers them: the envelope
 * (version, id, detail-type, source, account, time, region, resources) and the whole `detail` of a
 * Fargate task (the ECS `Task` shape: attachments, attributes, capacity provider, containers,
 * ISO-8601 timestamps, stop code and reason), following the structure and field notes of the AWS
 * page "Amazon ECS task state change events" and the ECS API's `Task` and `TaskStopCode`. Built
 * from that documentation, not recorded from an account: ids, ARNs and times are this project's.
 */
type Json = Record<string, unknown>;

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
/** The stream cluster's ARN in these events (the rule's cluster is resolved to it). */
export const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod-stratdeck-Stream-ClusterEB0386A7-Xq2Lw9fTzR1k`;
const OTHER_CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/some-other-app`;
const SERVICE = "prod-stratdeck-Stream-StreamService7F1C1A3B-Zx9Ke3mPq0aT";
const TASK_DEFINITION = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/prodstratdeckStreamStreamTask4B9C2E11:7`;
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/cdk-hnb659fds-container-assets-${ACCOUNT}-${REGION}:5e0c3a1f9b7d2c4e6a8f0b1d3c5e7a9f2b4d6c8e0a1b3c5d7e9f1a2b3c4d5e6f`;

interface Change {
  /** When EventBridge received it (envelope `time`, whole seconds). */
  time: string;
  lastStatus: "PROVISIONING" | "PENDING" | "RUNNING" | "DEACTIVATING" | "STOPPING" | "STOPPED";
  desiredStatus: "RUNNING" | "STOPPED";
  stopCode?: string;
  stoppedReason?: string;
  /** The container's exit code, when it ran and exited. */
  exitCode?: number;
  taskId?: string;
  clusterArn?: string;
  version: number;
}

/** One event of the stream task (FARGATE_SPOT, arm64, 0.25 vCPU / 0.5 GB, one container). */
function taskStateChange(c: Change): Json {
  const taskId = c.taskId ?? "3f6b1e0c9a2d4b7e8f10a2b3c4d5e6f7";
  const cluster = c.clusterArn ?? CLUSTER_ARN;
  const clusterName = cluster.split("/").at(-1);
  const taskArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${clusterName}/${taskId}`;
  const stopped = c.lastStatus === "STOPPED";
  const stopping = c.desiredStatus === "STOPPED";
  const at = (iso: string) => `${iso.slice(0, 19)}.${String(c.version * 37).padStart(3, "0")}Z`;
  const detail: Json = {
    attachments: [
      {
        id: "b2f9c0de-5a41-4d3e-9c11-7f2e8a6b4d20",
        type: "eni",
        status: stopped ? "DELETED" : "ATTACHED",
        details: [
          { name: "subnetId", value: "subnet-0c1d2e3f4a5b6c7d8" },
          { name: "networkInterfaceId", value: "eni-0a9b8c7d6e5f4a3b2" },
          { name: "macAddress", value: "0e:5c:7a:21:9b:4f" },
          { name: "privateDnsName", value: "ip-10-0-0-57.ec2.internal" },
          { name: "privateIPv4Address", value: "10.0.0.57" },
        ],
      },
    ],
    attributes: [{ name: "ecs.cpu-architecture", value: "arm64" }],
    availabilityZone: "us-east-1a",
    capacityProviderName: "FARGATE_SPOT",
    clusterArn: cluster,
    connectivity: "CONNECTED",
    connectivityAt: "2026-12-01T14:20:09.204Z",
    containers: [
      {
        containerArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:container/${clusterName}/${taskId}/0d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f60`,
        lastStatus: stopped ? "STOPPED" : "RUNNING",
        name: "stream",
        image: IMAGE,
        imageDigest: "sha256:9a8b7c6d5e4f30211f2e3d4c5b6a79880f1e2d3c4b5a69788796a5b4c3d2e1f0",
        runtimeId: `${taskId}-2531612879`,
        taskArn,
        networkInterfaces: [
          { attachmentId: "b2f9c0de-5a41-4d3e-9c11-7f2e8a6b4d20", privateIpv4Address: "10.0.0.57" },
        ],
        cpu: "0",
        ...(c.exitCode === undefined ? {} : { exitCode: c.exitCode }),
      },
    ],
    cpu: "256",
    createdAt: "2026-12-01T14:20:05.611Z",
    desiredStatus: c.desiredStatus,
    enableExecuteCommand: false,
    ephemeralStorage: { sizeInGiB: 20 },
    group: `service:${SERVICE}`,
    launchType: "FARGATE",
    lastStatus: c.lastStatus,
    memory: "512",
    overrides: { containerOverrides: [{ name: "stream" }] },
    platformVersion: "1.4.0",
    pullStartedAt: "2026-12-01T14:20:12.873Z",
    pullStoppedAt: "2026-12-01T14:20:19.450Z",
    startedAt: "2026-12-01T14:20:21.902Z",
    startedBy: "ecs-svc/8265401973622189913",
    ...(c.stopCode === undefined ? {} : { stopCode: c.stopCode }),
    ...(c.stoppedReason === undefined ? {} : { stoppedReason: c.stoppedReason }),
    ...(stopping ? { stoppingAt: at(c.time) } : {}),
    ...(stopped ? { executionStoppedAt: at(c.time), stoppedAt: at(c.time) } : {}),
    taskArn,
    taskDefinitionArn: TASK_DEFINITION,
    updatedAt: at(c.time),
    version: c.version,
  };
  return {
    version: "0",
    id: `9b1e3c5a-7d2f-4a6b-8c0d-${taskId.slice(0, 8)}${String(c.version).padStart(4, "0")}`,
    "detail-type": "ECS Task State Change",
    source: "aws.ecs",
    account: ACCOUNT,
    time: c.time,
    region: REGION,
    resources: [taskArn],
    detail,
  };
}

/** Events the stream-task-stopped rule must e-mail: a stop nobody planned. */
export const UNPLANNED_STOPS: Record<string, Json> = {
  "Spot interruption (stopped)": taskStateChange({
    time: "2026-12-01T15:42:03Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "SpotInterruption",
    stoppedReason: "Your Spot Task was interrupted.",
    exitCode: 0,
    version: 6,
  }),
  "crash (essential container exited)": taskStateChange({
    time: "2026-12-01T15:52:40Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "EssentialContainerExited",
    stoppedReason: "Essential container in task exited",
    exitCode: 1,
    version: 5,
  }),
  "failed start (a secret missing)": taskStateChange({
    time: "2026-12-01T14:20:31Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "TaskFailedToStart",
    stoppedReason:
      "ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: /sst/stratdeck/prod/Secret/TASTY_REFRESH_TOKEN/value",
    version: 4,
  }),
  "Fargate task retirement": taskStateChange({
    time: "2026-12-02T15:05:18Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "TerminationNotice",
    stoppedReason: "Task stopped due to Fargate task retirement",
    exitCode: 0,
    version: 6,
  }),
  "failed container health checks (a hung loop)": taskStateChange({
    time: "2026-12-03T16:31:47Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "ServiceSchedulerInitiated",
    stoppedReason: "Task failed container health checks",
    exitCode: 137,
    version: 6,
  }),
};

/** Events it must not e-mail: planned stops, steps before the stop, and another cluster's task. */
export const NOT_ALERTED: Record<string, Json> = {
  running: taskStateChange({
    time: "2026-12-01T14:20:22Z",
    lastStatus: "RUNNING",
    desiredStatus: "RUNNING",
    version: 3,
  }),
  "Spot interruption warning (two minutes before the stop)": taskStateChange({
    time: "2026-12-01T15:40:03Z",
    lastStatus: "RUNNING",
    desiredStatus: "STOPPED",
    stopCode: "SpotInterruption",
    stoppedReason: "Your Spot Task was interrupted.",
    version: 4,
  }),
  "deprovisioning after a crash (not yet stopped)": taskStateChange({
    time: "2026-12-01T15:52:31Z",
    lastStatus: "DEACTIVATING",
    desiredStatus: "STOPPED",
    stopCode: "EssentialContainerExited",
    stoppedReason: "Essential container in task exited",
    exitCode: 1,
    version: 4,
  }),
  "scale-in at the close (the schedule)": taskStateChange({
    time: "2026-12-01T21:21:09Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "ServiceSchedulerInitiated",
    stoppedReason: "Scaling activity initiated by (deployment ecs-svc/8265401973622189913)",
    exitCode: 0,
    version: 6,
  }),
  "stopped by hand": taskStateChange({
    time: "2026-12-01T17:03:44Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "UserInitiated",
    stoppedReason: "Task stopped by user",
    exitCode: 0,
    version: 6,
  }),
  "another cluster's crash": taskStateChange({
    time: "2026-12-01T15:52:40Z",
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    stopCode: "EssentialContainerExited",
    stoppedReason: "Essential container in task exited",
    exitCode: 1,
    clusterArn: OTHER_CLUSTER_ARN,
    taskId: "c0ffee00c0ffee00c0ffee00c0ffee00",
    version: 5,
  }),
};
