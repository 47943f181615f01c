import type { AddressInfo } from "node:net";
import { startupReclaim } from "../support/startup-reclaim";
import { join, resolve } from "node:path";
import { handleApiRequest } from "@stratdeck/core/api";
import type { AppConfig } from "@stratdeck/core/config";
import { registerSecret, type Log } from "@stratdeck/core/log";
import {
  alwaysOpen,
  LocalScheduler,
  nyseMarketHours,
  runJob,
  SCHEDULES,
  type MarketHours,
} from "@stratdeck/core/orchestrator";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { startDynalite } from "./engines";
import { isMarketOpen } from "@stratdeck/core/time/nyse-calendar";
import { runStreamTask, streamOptionsFromConfig, streamTaskDeps } from "@stratdeck/core/stream";
import {
  buildDeps,
  clearLocalStack,
  lockStateDir,
  newEngineKey,
  newEngineSecret,
  readLocalStack,
  type Deps,
} from "@stratdeck/core/wiring";
import { localApiToken } from "./api-token";
import { startLocalHttpServer } from "./http-server";
import { startBackupSchedule } from "./backup/scheduled-backup";
import { startIdleGc } from "./idle-gc";
import { keepStackFile } from "./stack-file-keeper";
import { portError, StackRefusedError } from "./stack-errors";

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  config: AppConfig;
  log: Log;
  /** Simulator seed (sim mode). */
  seed?: number;
  /** Simulator market-time multiplier (sim mode). */
  speed?: number;
  /** Local API port (default 8787; 0 = any free port). */
  apiPort?: number;
  /** Interface the API binds (default 127.0.0.1; 0.0.0.0 to reach it from a phone on the LAN). */
  apiHost?: string;
  /** PEM certificate and key for HTTPS (`start --tls-cert/--tls-key`); default plain HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Simulator port (default: a free port). */
  simPort?: number;
  /** Market hours: `sim` (always open while running; default in sim mode) or `nyse`. */
  marketHours?: "sim" | "nyse";
}

/** A running local stack. */
export interface RunningLocalStack {
  apiUrl: string;
  /** Interface and port the API listens on. */
  apiHost: string;
  apiPort: number;
  token: string;
  deps: Deps;
  sim: RunningSimulator | null;
  /** Stops scheduler, stream (final flush), API, simulator and engine, in that order. */
  stop(): Promise<void>;
}

/**
 * The whole system on one machine: the embedded DynamoDB-compatible engine with its data in the
 * state folder, the simulator (sim mode), the stream task, the local scheduler running the same
 * schedules as AWS, and the local HTTP API (same routes and bearer auth) with the phone page.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<RunningLocalStack> {
  const { log } = opts;
  const stateDir = resolve(opts.config.stateDir);
  const running = readLocalStack(stateDir);
  if (running)
    throw new StackRefusedError(
      `a local stack already runs on ${stateDir} (pid ${running.pid}, API ${running.apiUrl ?? "?"}); stop it first or set STRATDECK_STATE_DIR to another folder`,
    );
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const s of stops.reverse())
      await s().catch((err: unknown) => log.warn("local.stop-failed", { error: err }));
  };
  try {
    // Waits for a command using the folder to finish; a stack that started meanwhile is refused.
    const access = await lockStateDir(stateDir, { owner: "stack", joinStack: false, waitMs: 30_000 });
    if (access.kind !== "owner") throw new StackRefusedError(`a local stack already runs on ${stateDir}`);
    stops.push(() => Promise.resolve().then(() => access.release()));
    const accessKeyId = newEngineKey();
    const secretAccessKey = newEngineSecret();
    const engine = await startDynalite({ path: join(stateDir, "dynamodb"), accessKeyId, secretAccessKey });
    stops.push(() => engine.stop());
    // Snapshots are re-written by the stream within seconds: kept in memory, never on disk.
    const snapshotEngine = await startDynalite({ accessKeyId, secretAccessKey });
    stops.push(() => snapshotEngine.stop());
    let sim: RunningSimulator | null = null;
    let config: AppConfig = opts.config;
    // The simulated market counts as open while the stack runs: its broker works orders at any hour too.
    const simMarketOpen = (opts.marketHours ?? (config.dataMode === "sim" ? "sim" : "nyse")) === "sim";
    if (config.dataMode === "sim") {
      sim = await startSimulator({
        marketHours: simMarketOpen ? "always-open" : "nyse",
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.speed !== undefined ? { speed: opts.speed } : {}),
        ...(opts.simPort !== undefined ? { port: opts.simPort } : {}),
        log: log.child({ component: "sim" }),
      }).catch((err: unknown) => {
        throw portError(err, "--sim-port", null);
      });
      const simRef = sim;
      stops.push(() => simRef.stop());
      config = {
        ...config,
        tasty: {
          clientSecret: "local-simulator",
          refreshToken: "local-simulator",
          isTest: false,
          apiUrl: sim.restUrl,
        },
      };
    }
    const deps = await buildDeps(config, {
      log,
      storage: {
        kind: "embedded",
        endpoint: engine.endpoint,
        snapshotEndpoint: snapshotEngine.endpoint,
        accessKeyId,
        secretAccessKey,
        stateDir,
        release: async () => {},
      },
    });
    stops.push(() => deps.close());
    await startupReclaim(deps);
    const stopBackups = startBackupSchedule(deps, stateDir);
    stops.push(stopBackups);

    const token = localApiToken(stateDir, config.apiToken);
    registerSecret(token);
    // /health judges the stream by the scheduler's session: a simulated market is open while it runs.
    const sessionOpen = simMarketOpen ? () => true : isMarketOpen;
    const apiDeps = { ...deps, apiToken: token, sessionOpen };
    const http = await startLocalHttpServer({
      host: opts.apiHost ?? config.apiHost,
      port: opts.apiPort ?? config.apiPort,
      log,
      handle: (req) => handleApiRequest(apiDeps, req),
      ...(opts.tls ? { tls: opts.tls } : {}),
    }).catch((err: unknown) => {
      throw portError(err, "--port", "STRATDECK_API_PORT");
    });
    stops.push(() => http.stop());

    const abort = new AbortController();
    const stream = runStreamTask(streamTaskDeps(deps), abort.signal, streamOptionsFromConfig(config)).catch(
      (err: unknown) => {
        log.error("stream.crashed", { error: err });
        return null;
      },
    );
    stops.push(async () => {
      abort.abort();
      await stream;
    });

    const marketHours: MarketHours = simMarketOpen ? alwaysOpen : nyseMarketHours;
    const scheduler = new LocalScheduler({
      clock: deps.clock,
      log: log.child({ component: "scheduler" }),
      schedules: SCHEDULES,
      marketHours,
      // A simulated market is open whenever the stack runs: fire on the period from now, any day.
      ignoreGrid: marketHours === alwaysOpen,
      runAtStart: true,
      run: async (run) => {
        const outcome = await runJob(deps, run);
        log.info("scheduler.job", { job: run.job, slot: run.slot, result: outcome });
      },
    });
    scheduler.start();
    stops.push(() => scheduler.stop());
    const stopGc = startIdleGc();
    stops.push(() => Promise.resolve().then(stopGc));

    const stopKeeper = keepStackFile(
      stateDir,
      {
        pid: process.pid,
        dynamoEndpoint: engine.endpoint,
        dynamoAccessKeyId: accessKeyId,
        dynamoSecretAccessKey: secretAccessKey,
        snapshotEndpoint: snapshotEngine.endpoint,
        ...(sim ? { simRestUrl: sim.restUrl } : {}),
        apiUrl: http.url,
        startedAt: deps.clock.now(),
      },
      log,
    );
    stops.push(() =>
      Promise.resolve().then(() => {
        stopKeeper();
        clearLocalStack(stateDir);
      }),
    );
    const bound = http.server.address() as AddressInfo;
    return {
      apiUrl: http.url,
      apiHost: bound.address,
      apiPort: bound.port,
      token,
      deps,
      sim,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
