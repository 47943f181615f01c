import type {
  StreamCapacity,
  StreamCapacityProvider,
  StreamServiceState,
} from "@stratdeck/core/orchestrator";
import { credentialsFromEnv, signV4, type AwsCredentials } from "./sigv4";

/** Where the stream service is and how to reach ECS (injectable for tests). */
export interface EcsCapacityOptions {
  cluster: string;
  service: string;
  region: string;
  credentials: AwsCredentials;
  /** Default `https://ecs.<region>.amazonaws.com`. */
  endpoint?: string;
  now?: () => number;
}

/** The parts of an ECS `DescribeServices` response (JSON 1.1 wire) the fallback reads. */
interface DescribeServicesBody {
  services?: {
    capacityProviderStrategy?: { capacityProvider?: string }[];
    desiredCount?: number;
    runningCount?: number;
    events?: { createdAt?: number | string; message?: string }[];
  }[];
}

/**
 * The stream service's state from a `DescribeServices` response body as ECS sends it: its provider,
 * counts and events (the wire's `createdAt` is epoch seconds with a fraction; kept in ms like every
 * other instant here). Throws when the service is not in the answer.
 */
export function serviceStateOf(body: unknown, service: string): StreamServiceState {
  const svc = (body as DescribeServicesBody).services?.[0];
  if (!svc) throw new Error(`ECS DescribeServices: service ${service} not found`);
  const provider = svc.capacityProviderStrategy?.[0]?.capacityProvider;
  return {
    provider: provider === "FARGATE_SPOT" ? "FARGATE_SPOT" : "FARGATE",
    desiredCount: svc.desiredCount ?? 0,
    runningCount: svc.runningCount ?? 0,
    events: (svc.events ?? []).map((e) => ({
      createdAt:
        typeof e.createdAt === "number" ? Math.round(e.createdAt * 1000) : Date.parse(String(e.createdAt)),
      message: e.message ?? "",
    })),
  };
}

/**
 * The stream service through the ECS JSON API (DescribeServices for its provider, counts and
 * events; UpdateService for a new provider with a new deployment, or a desired count of 1), signed
 * with SigV4: no ECS SDK in the bundle.
 */
export class EcsStreamCapacity implements StreamCapacity {
  constructor(private readonly o: EcsCapacityOptions) {}

  async describe(): Promise<StreamServiceState> {
    const body = await this.call("DescribeServices", { cluster: this.o.cluster, services: [this.o.service] });
    return serviceStateOf(body, this.o.service);
  }

  async start(): Promise<void> {
    await this.call("UpdateService", { cluster: this.o.cluster, service: this.o.service, desiredCount: 1 });
  }

  async use(provider: StreamCapacityProvider): Promise<void> {
    await this.call("UpdateService", {
      cluster: this.o.cluster,
      service: this.o.service,
      capacityProviderStrategy: [{ capacityProvider: provider, weight: 1 }],
      forceNewDeployment: true,
    });
  }

  private async call(action: string, payload: unknown): Promise<unknown> {
    const url = new URL(this.o.endpoint ?? `https://ecs.${this.o.region}.amazonaws.com/`);
    const body = JSON.stringify(payload);
    const headers = signV4({
      method: "POST",
      host: url.host,
      path: "/",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `AmazonEC2ContainerServiceV20141113.${action}`,
      },
      body,
      region: this.o.region,
      service: "ecs",
      credentials: this.o.credentials,
      now: (this.o.now ?? Date.now)(),
    });
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`ECS ${action} failed: HTTP ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  }
}

/** The adapter when the stack told the function where the stream service is (else none). */
export function ecsCapacityFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): EcsStreamCapacity | undefined {
  const cluster = env.STRATDECK_STREAM_CLUSTER;
  const service = env.STRATDECK_STREAM_SERVICE;
  if (!cluster || !service) return undefined;
  return new EcsStreamCapacity({
    cluster,
    service,
    region: env.AWS_REGION ?? "us-east-1",
    credentials: credentialsFromEnv(env),
  });
}
