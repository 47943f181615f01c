import { describe, expect, it } from "vitest";
import type { BuiltApp } from "../built-app";

export function nagSuite(app: () => BuiltApp): void {
  describe("cdk-nag AwsSolutions", () => {
    it("has no unsuppressed errors or warnings (every suppression carries a reason in code)", () => {
      expect(app().findings).toEqual([]);
    });
  });
}
