import type { Command } from "commander";
import { emit } from "../support/output";
import { action } from "../support/run";

/** `stratdeck start`: the whole local stack (filled in by the orchestrator work). */
export function registerStart(program: Command): void {
  program
    .command("start")
    .description("run the whole local stack (embedded DynamoDB, simulator, stream, scheduler, API)")
    .option("--json", "print one JSON document")
    .action(
      action(async (opts: { json?: boolean }) => {
        emit(
          {
            ok: true,
            status: "local stack not assembled yet",
            available: ["stratdeck config", "npm test"],
          },
          opts,
          (r) => `${r.status}. Available now: ${r.available.join(", ")}`,
        );
      }),
    );
}
