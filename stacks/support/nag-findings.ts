import type { CloudAssembly } from "aws-cdk-lib/cx-api";

/** One unsuppressed cdk-nag finding. */
export interface NagFinding {
  level: "error" | "warning";
  stack: string;
  /** Construct path of the offending resource. */
  path: string;
  /** `AwsSolutions-<rule>[...]: <what is wrong>`. */
  message: string;
}

/** Unsuppressed cdk-nag AwsSolutions findings of a synthesized app (suppressed ones leave none). */
export function nagFindings(assembly: CloudAssembly): NagFinding[] {
  return assembly.stacks.flatMap((s) =>
    s.messages
      .filter(
        (m) =>
          (m.level === "error" || m.level === "warning") && String(m.entry.data).startsWith("AwsSolutions-"),
      )
      .map((m) => ({
        level: m.level as "error" | "warning",
        stack: s.stackName,
        path: m.id,
        message: String(m.entry.data).trim(),
      })),
  );
}
