import type { Command } from "commander";
import { validateConfig } from "@stratdeck/core/config";
import { emit, ExitCode } from "../support/output";
import { action } from "../support/run";

/** `stratdeck config`: validates the environment and prints the effective configuration. */
export function registerConfig(program: Command): void {
  program
    .command("config")
    .description("validate the environment and print the effective configuration (secrets hidden)")
    .option("--json", "print one JSON document")
    .option("--require-tasty", "also require the TASTY_* OAuth variables")
    .action(
      action(async (opts: { json?: boolean; requireTasty?: boolean }) => {
        const r = validateConfig(process.env, { requireTasty: opts.requireTasty === true });
        const shown = r.ok
          ? {
              ok: true,
              warnings: r.warnings,
              config: {
                ...r.config,
                apiToken: r.config.apiToken ? "set" : null,
                tasty: r.config.tasty
                  ? {
                      isTest: r.config.tasty.isTest,
                      apiUrl: r.config.tasty.apiUrl ?? null,
                      credentials: "set",
                    }
                  : null,
              },
            }
          : r;
        emit(shown, opts, () =>
          r.ok
            ? [
                `configuration OK (data: ${r.config.dataMode}, trading: ${r.config.tradingMode})`,
                ...r.warnings.map((w) => `warning: ${w.message}`),
              ].join("\n")
            : [
                "configuration INVALID:",
                ...r.issues.map((i) => `  - ${i.message}`),
                ...r.warnings.map((w) => `warning: ${w.message}`),
              ].join("\n"),
        );
        if (!r.ok) throw new ExitCode(2);
      }),
    );
}
