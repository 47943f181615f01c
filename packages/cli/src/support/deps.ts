import { loadConfig, type AppConfig } from "@stratdeck/core/config";
import type { Log } from "@stratdeck/core/log";
import { cliLogger } from "./cli-log";
import { backupAfterRun } from "../local/backup/scheduled-backup";
import { buildDeps, type BuildDepsOptions, type Deps } from "@stratdeck/core/wiring";
import { cliContext } from "./cli-context";
import { installKillSwitch } from "./kill-switch";
import { startupReclaim } from "./startup-reclaim";

/** What an ephemeral run prints (stdout in text mode, and a log line in every mode). */
export const EPHEMERAL_NOTE =
  "EPHEMERAL: in-memory state for this run only (--ephemeral); nothing was read from or saved to the state folder";

/** Commands that only read the ledger: on a state folder they cannot write, they read a copy. */
const READ_ONLY_COMMANDS = new Set(["positions", "history", "trade-ideas"]);

/**
 * The CLI's dependencies: config from the environment (one ConfigError naming every bad variable),
 * logs on stderr (see cliLogger), and the one local state: the running local stack, else the embedded engine
 * on the state folder (locked while this command runs), or in memory only with `--ephemeral`.
 */
export async function cliDeps(
  overrides: Partial<BuildDepsOptions> & { config?: AppConfig } = {},
): Promise<Deps> {
  const { config, warnings } = overrides.config
    ? { config: overrides.config, warnings: [] }
    : loadConfig(process.env);
  const log: Log = overrides.log ?? cliLogger("stratdeck-cli", config.logLevel);
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  const ctx = cliContext();
  const deps = await buildDeps(config, {
    log,
    owner: ctx.command,
    ephemeral: ctx.ephemeral,
    readOnlyState: READ_ONLY_COMMANDS.has(ctx.command),
    // Loaded only when needed: joining a running stack needs neither the engine nor the simulator.
    embeddedEngine: async (o) =>
      (await import("../local/engines")).startDynalite({ ...o, compactEveryMs: 0 }),
    embeddedSimulator: async () =>
      (await import("@stratdeck/sim")).startSimulator({ log: log.child({ component: "sim" }) }),
    ...overrides,
  });
  installKillSwitch(deps.doc);
  if (!READ_ONLY_COMMANDS.has(ctx.command)) await startupReclaim(deps);
  if (deps.endpoints.storage === "ephemeral") log.warn("state.ephemeral", { detail: EPHEMERAL_NOTE });
  else log.debug("state.storage", { storage: deps.endpoints.storage, stateDir: deps.endpoints.stateDir });
  return deps;
}

/** Runs `fn` with CLI deps and always releases them (embedded engines, sockets, the state lock). */
export async function withDeps<T>(
  fn: (deps: Deps) => Promise<T>,
  overrides?: Partial<BuildDepsOptions>,
): Promise<T> {
  const deps = await cliDeps(overrides);
  try {
    const result = await fn(deps);
    await backupAfterRun(deps);
    return result;
  } finally {
    await deps.close();
    if (deps.endpoints.storage === "ephemeral" && !cliContext().json)
      process.stdout.write(`${EPHEMERAL_NOTE}\n`);
  }
}
