import { SynthesisMessageLevel, type CloudAssembly } from "aws-cdk-lib/cx-api";

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
    s.messages.flatMap((m): NagFinding[] => {
      const data = m.entry.data;
      const level =
        m.level === SynthesisMessageLevel.ERROR
          ? "error"
          : m.level === SynthesisMessageLevel.WARNING
            ? "warning"
            : null;
      if (level === null || typeof data !== "string" || !data.startsWith("AwsSolutions-")) return [];
      return [{ level, stack: s.stackName, path: m.id, message: data.trim() }];
    }),
  );
}
