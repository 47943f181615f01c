import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import {
  STREAM_DOCKERFILE,
  STREAM_LIVENESS_FILE,
  streamOnSpot,
  streamWriteCadence,
} from "../../../stacks/stream";
import { deployDate, streamScalingActions } from "../../../stacks/support/stream-window";
import { functionNamed, resourcesOfType, singleOfType, STAGE, type BuiltApp } from "../built-app";

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
      // On-demand fallback: the cluster offers both providers, and the health job knows the service.
      app().templates.Stream.hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", {
        CapacityProviders: Match.arrayWith(["FARGATE", "FARGATE_SPOT"]),
      });
      const [, health] = functionNamed(app(), "Jobs", "HealthJob");
      const vars = (health.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(JSON.stringify(vars.STRATDECK_STREAM_SERVICE)).toMatch(/StreamService/);
      expect(JSON.stringify(vars.STRATDECK_STREAM_CLUSTER)).toMatch(/Cluster/);
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

    it("starts no task at deploy (explicit DesiredCount 0) and is created after the Spot association", () => {
      const service = singleOfType(app(), "AWS::ECS::Service");
      expect(service.Properties?.DesiredCount).toBe(0);
      const [[, associationId]] = resourcesOfType(app(), "AWS::ECS::ClusterCapacityProviderAssociations") as [
        [string, string, unknown],
      ];
      expect(service.DependsOn).toContain(associationId);
    });

    it("builds the image from a context holding only what the Dockerfile copies (no README, tests, bench)", () => {
      const staged = fs
        .readdirSync(app().outdir)
        .map((d) => path.join(app().outdir, d))
        .find((d) => fs.existsSync(path.join(d, STREAM_DOCKERFILE)));
      expect(staged, "staged image context").toBeDefined();
      expect(fs.readdirSync(staged!).sort()).toEqual([
        ".dockerignore",
        "package-lock.json",
        "package.json",
        "packages",
        "strategies.yaml",
        "tsconfig.json",
      ]);
      expect(fs.readdirSync(path.join(staged!, "packages")).sort()).toEqual([
        "cli",
        "core",
        "functions",
        "sim",
      ]);
      expect(fs.readdirSync(path.join(staged!, "packages/sim"))).toEqual(["package.json"]);
      expect(fs.readdirSync(path.join(staged!, "packages/core")).sort()).toEqual(["package.json", "src"]);
    });

    it("starts the task only on NYSE trading days of the horizon and stops after early closes", () => {
      const target = singleOfType(app(), "AWS::ApplicationAutoScaling::ScalableTarget");
      const actions = target.Properties?.ScheduledActions as {
        ScheduledActionName: string;
        Schedule: string;
        Timezone: string;
        ScalableTargetAction: { MinCapacity: number; MaxCapacity: number };
      }[];
      expect(target.Properties).toMatchObject({ MinCapacity: 0, MaxCapacity: 1 });
      for (const a of actions) expect(a.Timezone).toBe("America/New_York");
      /** New York [minute, tasks] changes the deployed actions make on `date`. */
      const on = (date: string): [number, number][] => {
        const [y, m, d] = date.split("-").map(Number);
        return actions
          .flatMap((a) => {
            const f = /^cron\((\d+) (\d+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(a.Schedule)!;
            const dayOk = f[3] === "?" || f[3]!.split(",").map(Number).includes(d!);
            const monthOk = f[4] === "*" || Number(f[4]) === m;
            const yearOk = f[6] === "*" || Number(f[6]) === y;
            return dayOk && monthOk && yearOk
              ? [[Number(f[2]) * 60 + Number(f[1]), a.ScalableTargetAction.MinCapacity] as [number, number]]
              : [];
          })
          .sort((p, q) => p[0] - q[0]);
      };
      for (const a of actions)
        expect(a.ScalableTargetAction.MinCapacity).toBe(a.ScalableTargetAction.MaxCapacity);
      expect(on("2026-11-30")).toEqual([
        [9 * 60 + 20, 1],
        [16 * 60 + 20, 0],
      ]);
      // Christmas, a Friday: nothing starts (the daily 16:20 stop is harmless).
      expect(on("2026-12-25")).toEqual([[16 * 60 + 20, 0]]);
      // Thanksgiving, then the 13:00 early close the day after.
      expect(on("2026-11-26")).toEqual([[16 * 60 + 20, 0]]);
      expect(on("2026-11-27")).toEqual([
        [9 * 60 + 20, 1],
        [13 * 60 + 20, 0],
        [16 * 60 + 20, 0],
      ]);
      expect(on("2026-12-24")[1]).toEqual([13 * 60 + 20, 0]);
      // A weekend day: only the stop.
      expect(on("2026-12-05")).toEqual([[16 * 60 + 20, 0]]);
      expect(actions.length).toBeLessThan(200); // Application Auto Scaling's per-target quota
    });

    it("generates the horizon from the calendar: 13 months from the deploy month, one-off closures included", () => {
      const { actions, horizonEnd } = streamScalingActions("2024-12-15");
      expect(horizonEnd).toBe("2025-12-31");
      const jan = actions.find((a) => a.name === "OpenStream-2025-01")!;
      expect(jan.cron).toMatch(/^cron\(20 9 2,3,6,7,8,10,13/); // 2025-01-09: Carter's day of mourning
      expect(() => deployDate({ STRATDECK_DEPLOY_DATE: "2026-13-01x" }, 0)).toThrow(/STRATDECK_DEPLOY_DATE/);
      expect(deployDate({}, Date.parse("2026-12-01T03:00:00Z"))).toBe("2026-11-30");
    });

    it("builds the image from a digest-pinned base with no source map, touching the liveness file", () => {
      const dockerfile = fs.readFileSync(STREAM_DOCKERFILE, "utf8");
      expect(dockerfile).toContain("--target=node24");
      const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
      expect(base).toMatch(/^node:24-slim@sha256:[0-9a-f]{64}$/);
      for (const from of dockerfile.match(/^FROM .*$/gm) ?? []) expect(from).toContain("${NODE_IMAGE}");
      expect(dockerfile).not.toMatch(/sourcemap|source-maps/);
      const main = fs.readFileSync("packages/functions/src/stream/main.ts", "utf8");
      expect(main).toContain(`"${STREAM_LIVENESS_FILE}"`);
    });

    it("checks the container's health from its heartbeat file, with a start grace period", () => {
      const task = singleOfType(app(), "AWS::ECS::TaskDefinition");
      const [container] = task.Properties?.ContainerDefinitions as { HealthCheck: Record<string, unknown> }[];
      expect(container!.HealthCheck).toMatchObject({
        Command: ["CMD", "node", "-e", expect.stringContaining(STREAM_LIVENESS_FILE)],
        Interval: 30,
        Retries: 3,
        StartPeriod: 60,
      });
    });
  });
}
