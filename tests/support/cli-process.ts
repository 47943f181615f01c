import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/** The `stratdeck` executable of this checkout. */
export const CLI = join(import.meta.dirname, "..", "..", "packages", "cli", "bin", "stratdeck.mjs");

/** Environment for a CLI child: the parent's PATH and HOME only, plus `env` (no AWS variables). */
export function cliEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  };
}

/** A finished CLI run. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `stratdeck ...args` as a child process; `done` resolves when it exits. */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: cliEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** Runs `stratdeck ...args` to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return spawnCli(args, env).done;
}
