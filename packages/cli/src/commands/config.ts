import type { Command } from "commander";
import { validateConfig, type AppConfig, type ConfigIssue } from "@stratdeck/core/config";
import { emit, ExitCode } from "../support/output";
import { action, EXIT } from "../support/run";
import { startChecks } from "../support/start-checks";

/** The configuration as shown: secrets replaced by `set`/null. */
export function shownConfig(c: AppConfig): Record<string, unknown> {
  return {
    ...c,
    apiToken: c.apiToken ? "set" : null,
    tasty: c.tasty ? { isTest: c.tasty.isTest, apiUrl: c.tasty.apiUrl ?? null, credentials: "set" } : null,
  };
}

/** `key: value` lines of the effective configuration (nested objects flattened with dots). */
function lines(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? lines(v as Record<string, unknown>, `${prefix}${k}.`)
      : [
          `  ${(prefix + k).padEnd(26)} ${v === null || v === undefined ? "-" : typeof v === "string" ? v : JSON.stringify(v)}`,
        ],
  );
}

/** `stratdeck config`: validates the environment and what `start` needs; prints the effective configuration. */
export function registerConfig(command: Command): void {
  command
    .option("--json", "print one JSON document")
    .option("--require-tasty", "also require the TASTY_* OAuth variables")
    .action(
      action(async (opts: { json?: boolean; requireTasty?: boolean }) => {
        const r = validateConfig(process.env, { requireTasty: opts.requireTasty === true });
        const issues: ConfigIssue[] = r.ok ? await startChecks(r.config) : r.issues;
        const ok = r.ok && issues.length === 0;
        const shown = {
          ok,
          ...(ok ? {} : { issues }),
          warnings: r.warnings,
          ...(r.ok ? { config: shownConfig(r.config) } : {}),
        };
        emit(shown, opts, () =>
          [
            ok ? "configuration OK" : "configuration INVALID:",
            ...issues.map((i) => `  - ${i.message}`),
            ...r.warnings.map((w) => `warning: ${w.message}`),
            ...(r.ok ? ["effective configuration:", ...lines(shownConfig(r.config))] : []),
          ].join("\n"),
        );
        if (!ok) throw new ExitCode(EXIT.badConfig);
      }),
    );
}
