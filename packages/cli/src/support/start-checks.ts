import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import type { AppConfig, ConfigIssue } from "@stratdeck/core/config";
import { loadStrategiesFile } from "@stratdeck/core/strategies";
import { readLocalStack } from "@stratdeck/core/wiring";

/** True when `port` can be bound on `host` now (0 always can). */
export function portFree(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((done) => {
    const s = createServer();
    s.once("error", () => done(false));
    s.listen(port, host, () => s.close(() => done(true)));
  });
}

/**
 * What `start` needs besides valid variables: the API port free (unless a stack on this state
 * folder already holds it), the strategies file present and valid, the state folder writable.
 * Each problem names the variable or flag that changes it.
 */
export async function startChecks(config: AppConfig): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  const stateDir = resolve(config.stateDir);
  const running = readLocalStack(stateDir);
  if (!running && !(await portFree(config.apiPort, config.apiHost)))
    issues.push({
      variable: "STRATDECK_API_PORT",
      message: `port ${config.apiPort} on ${config.apiHost} is in use: set STRATDECK_API_PORT or pass --port to start (0 = any free port)`,
    });
  const file = config.strategiesFile ?? join(process.cwd(), "strategies.yaml");
  if (!existsSync(file))
    issues.push({
      variable: "STRATDECK_STRATEGIES_FILE",
      message: `strategies file ${file} does not exist: set STRATDECK_STRATEGIES_FILE or run from the repository root`,
    });
  else
    await loadStrategiesFile(file).catch((err: unknown) =>
      issues.push({ variable: "STRATDECK_STRATEGIES_FILE", message: (err as Error).message }),
    );
  try {
    const probe = existsSync(stateDir) ? stateDir : dirname(stateDir);
    if (!existsSync(stateDir)) mkdirSync(probe, { recursive: true });
    accessSync(probe, constants.W_OK);
  } catch {
    issues.push({
      variable: "STRATDECK_STATE_DIR",
      message: `state folder ${stateDir} is not writable: set STRATDECK_STATE_DIR to a folder you can write`,
    });
  }
  return issues;
}
