import { describe, expect, it } from "vitest";
import { resourcesOfType, type BuiltApp } from "../built-app";
import { SCHEDULES } from "@stratdeck/core/orchestrator";
import { API_ROUTES } from "../../../stacks/api";

/** SST's per-stack custom-resource handler (not app code; never invoked by this app). */
const isSstInternal = (id: string) => id.startsWith("CustomResourceHandler");

export function logsSuite(app: () => BuiltApp): void {
  describe("logs and runtimes", () => {
    it("gives every log group a retention, with no logRetention custom resources", () => {
      const groups = resourcesOfType(app(), "AWS::Logs::LogGroup");
      expect(groups.length).toBeGreaterThan(0);
      for (const [stack, id, g] of groups) expect(g.Properties?.RetentionInDays, `${stack}/${id}`).toBe(30);
      expect(resourcesOfType(app(), "Custom::LogRetention")).toHaveLength(0);
    });

    it("sends every app function's logs to its own log group; Node 24 on arm64", () => {
      const fns = resourcesOfType(app(), "AWS::Lambda::Function").filter(([, id]) => !isSstInternal(id));
      // one function per job + one per API route + the authorizer
      expect(fns.length).toBe(new Set(SCHEDULES.map((s) => s.job)).size + Object.keys(API_ROUTES).length + 1);
      for (const [stack, id, fn] of fns) {
        expect(fn.Properties, `${stack}/${id}`).toMatchObject({
          Runtime: "nodejs24.x",
          Architectures: ["arm64"],
          LoggingConfig: { LogGroup: { Ref: expect.stringMatching(new RegExp(`^${id.slice(0, -8)}Logs`)) } },
        });
      }
    });
  });
}
