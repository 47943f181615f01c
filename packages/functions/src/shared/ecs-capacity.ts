import type { StreamCapacity, StreamCapacityProvider } from "@stratdeck/core/orchestrator";
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

/**
 * The stream service's capacity provider through the ECS JSON API (DescribeServices,
 * UpdateService with a new deployment), signed with SigV4: no ECS SDK in the bundle.
 */
export class EcsStreamCapacity implements StreamCapacity {
  constructor(private readonly o: EcsCapacityOptions) {}

  async current(): Promise<StreamCapacityProvider> {
    const body = (await this.call("DescribeServices", {
      cluster: this.o.cluster,
      services: [this.o.service],
    })) as {
      services?: { capacityProviderStrategy?: { capacityProvider?: string }[]; launchType?: string }[];
    };
    const svc = body.services?.[0];
    if (!svc) throw new Error(`ECS DescribeServices: service ${this.o.service} not found`);
    const provider = svc.capacityProviderStrategy?.[0]?.capacityProvider;
    return provider === "FARGATE_SPOT" ? "FARGATE_SPOT" : "FARGATE";
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
