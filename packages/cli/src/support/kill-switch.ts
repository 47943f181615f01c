import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Test fault switch: SIGKILL this process right after its Nth table write (crash tests only). */
export const KILL_AFTER_WRITES_VAR = "STRATDECK_TEST_KILL_AFTER_WRITES";

const WRITE = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

/**
 * With `STRATDECK_TEST_KILL_AFTER_WRITES=N` (a positive integer), the process kills itself with
 * SIGKILL as soon as the Nth write sent through `doc` has been answered: a crash at exactly that
 * point of a command (no handler, no flush), as a kill -9 would leave it. Unset: nothing changes.
 */
export function installKillSwitch(doc: DynamoDBDocumentClient, env: NodeJS.ProcessEnv = process.env): void {
  const raw = env[KILL_AFTER_WRITES_VAR];
  if (raw === undefined || raw === "") return;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`${KILL_AFTER_WRITES_VAR} must be a positive integer, got "${raw}"`);
  let writes = 0;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (WRITE.test(String(context.commandName)) && ++writes >= limit) process.kill(process.pid, "SIGKILL");
      return out;
    },
    { step: "initialize", name: "test-kill-after-writes" },
  );
}
