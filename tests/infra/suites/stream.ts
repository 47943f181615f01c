import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { streamOnSpot, streamWriteCadence } from "../../../stacks/stream";
import { resourcesOfType, singleOfType, STAGE, type BuiltApp } from "../built-app";

export function streamSuite(app: () => BuiltApp): void {
  describe("stream task", () => {
    it("is arm64 Fargate at the smallest size, logging to its own group, secrets from SSM", () => {
      app().templates.Stream.hasResourceProperties("AWS::ECS::TaskDefinition", {
        Cpu: "256",
        Memory: "512",
        NetworkMode: "awsvpc",
        RequiresCompatibilities: ["FARGATE"],
        RuntimePlatform: { CpuArchitecture: "ARM64", OperatingSystemFamily: "LINUX" },
        ContainerDefinitions: [
          Match.objectLike({
            LogConfiguration: Match.objectLike({ LogDriver: "awslogs" }),
            Secrets: [
              { Name: "TASTY_CLIENT_SECRET", ValueFrom: Match.anyValue() },
              { Name: "TASTY_REFRESH_TOKEN", ValueFrom: Match.anyValue() },
            ],
          }),
        ],
      });
      const task = singleOfType(app(), "AWS::ECS::TaskDefinition");
      expect(JSON.stringify(task.Properties)).toContain(
        `parameter/sst/stratdeck/${STAGE}/Secret/TASTY_REFRESH_TOKEN/value`,
      );
    });

    it("runs in public subnets with a public IP, an egress-only security group, and no NAT", () => {
      const service = singleOfType(app(), "AWS::ECS::Service");
      const net = (
        service.Properties?.NetworkConfiguration as { AwsvpcConfiguration: Record<string, unknown> }
      ).AwsvpcConfiguration;
      expect(net.AssignPublicIp).toBe("ENABLED");
      const subnets = resourcesOfType(app(), "AWS::EC2::Subnet");
      expect(subnets.length).toBeGreaterThan(0);
      for (const [, , s] of subnets) expect(s.Properties?.MapPublicIpOnLaunch).toBe(true);
      expect((net.Subnets as unknown[]).length).toBe(subnets.length);
      expect(resourcesOfType(app(), "AWS::EC2::NatGateway")).toHaveLength(0);
      expect(resourcesOfType(app(), "AWS::EC2::EIP")).toHaveLength(0);
      for (const [, , sg] of resourcesOfType(app(), "AWS::EC2::SecurityGroup"))
        expect(sg.Properties?.SecurityGroupIngress).toBeUndefined();
      expect(resourcesOfType(app(), "AWS::EC2::SecurityGroupIngress")).toHaveLength(0);
    });

    it("uses Fargate Spot by default (cost target) unless STRATDECK_STREAM_SPOT=false at deploy", () => {
      expect(streamOnSpot({})).toBe(true);
      expect(streamOnSpot({ STRATDECK_STREAM_SPOT: "true" })).toBe(true);
      expect(streamOnSpot({ STRATDECK_STREAM_SPOT: "false" })).toBe(false);
      expect(streamOnSpot({ STRATDECK_STREAM_SPOT: "0" })).toBe(false);
      const service = singleOfType(app(), "AWS::ECS::Service");
      expect(service.Properties?.CapacityProviderStrategy).toEqual([
        { CapacityProvider: "FARGATE_SPOT", Weight: 1 },
      ]);
    });

    it("writes snapshots on a 10 s window and heartbeat by default (DynamoDB cost), overridable at deploy", () => {
      expect(streamWriteCadence({})).toEqual({
        STRATDECK_STREAM_WINDOW_MS: "10000",
        STRATDECK_STREAM_HEARTBEAT_MS: "10000",
        STRATDECK_STREAM_MAX_OPTIONS: "46",
      });
      expect(streamWriteCadence({ STRATDECK_STREAM_WINDOW_MS: "1000" }).STRATDECK_STREAM_WINDOW_MS).toBe(
        "1000",
      );
      const task = singleOfType(app(), "AWS::ECS::TaskDefinition");
      const env = (
        task.Properties?.ContainerDefinitions as Array<{
          Environment: Array<{ Name: string; Value: string }>;
        }>
      )[0]!.Environment;
      expect(env).toEqual(expect.arrayContaining([{ Name: "STRATDECK_STREAM_WINDOW_MS", Value: "10000" }]));
    });

    it("leaves the task count to the schedule (a deploy does not reset it)", () => {
      const service = singleOfType(app(), "AWS::ECS::Service");
      expect(service.Properties?.DesiredCount).toBeUndefined();
    });

    it("runs one task only during market hours, scheduled in America/New_York", () => {
      app().templates.Stream.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
        MinCapacity: 0,
        MaxCapacity: 1,
        ScalableDimension: "ecs:service:DesiredCount",
        ScheduledActions: [
          {
            ScheduledActionName: "OpenStream",
            Schedule: "cron(20 9 ? * MON-FRI *)",
            Timezone: "America/New_York",
            ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 1 },
          },
          {
            ScheduledActionName: "CloseStream",
            Schedule: "cron(10 16 ? * * *)",
            Timezone: "America/New_York",
            ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 0 },
          },
        ],
      });
    });
  });
}
