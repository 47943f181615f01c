/**
 * Entry of the stream task container (Fargate, market hours): builds the deps from the
 * environment (ECS injects the tastytrade secrets as env vars) and runs the stream task until
 * SIGTERM. On a day the NYSE is closed it idles instead of streaming, so the scheduled service
 * neither writes snapshots nor crash-loops.
 */
import { writeFile } from "node:fs/promises";
import { loadConfig } from "@stratdeck/core/config";
import { runStreamTask, streamOptionsFromConfig, streamTaskDeps } from "@stratdeck/core/stream";
import { isTradingDay, nyDate, systemClock } from "@stratdeck/core/time";
import { buildDeps } from "@stratdeck/core/wiring";
import { PowertoolsMetricsPort } from "@stratdeck/core/metrics/powertools-metrics";
import { lambdaLog } from "../shared/lambda-deps";

/** Touched on every heartbeat; the container health check (stacks/stream.ts) reads its age. */
const LIVENESS_FILE = "/tmp/stream-alive";
const touch = () => writeFile(LIVENESS_FILE, String(Date.now())).catch(() => undefined);

/** SIGTERM to exit, ms: ECS waits `stopTimeout` (60 s); we promise well under 10 s. */
const HARD_EXIT_MS = 9_500;

const log = lambdaLog("stream-task");
const stop = new AbortController();
for (const sig of ["SIGTERM", "SIGINT"] as const) {
  process.once(sig, () => {
    log.info("stream.signal", { signal: sig });
    stop.abort();
    setTimeout(() => {
      log.error("stream.hard-exit", { afterMs: HARD_EXIT_MS });
      process.exit(1);
    }, HARD_EXIT_MS).unref();
  });
}

try {
  const { config, warnings } = loadConfig(process.env);
  for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
  const deps = await buildDeps(config, { log });
  try {
    const today = nyDate(systemClock.now());
    if (!isTradingDay(today)) {
      log.info("stream.idle", { reason: "NYSE closed", date: today });
      await touch();
      const alive = setInterval(() => void touch(), 30_000);
      await new Promise<void>((r) => stop.signal.addEventListener("abort", () => r(), { once: true }));
      clearInterval(alive);
    } else {
      const taskDeps = streamTaskDeps(deps);
      await touch();
      // Freshness metrics every minute (the staleness alarm), dimensioned by the stack's stage.
      const metrics = new PowertoolsMetricsPort(process.env.STRATDECK_STAGE ?? "local");
      const summary = await runStreamTask(
        {
          ...taskDeps,
          metrics,
          status: {
            beat: async (id, data) => {
              void touch();
              return taskDeps.status.beat(id, data);
            },
          },
        },
        stop.signal,
        streamOptionsFromConfig(deps.config),
      );
      log.info("stream.exit", {
        state: summary.state,
        events: summary.events,
        reconnects: summary.reconnects,
      });
    }
  } finally {
    await deps.close();
  }
  process.exit(0);
} catch (err) {
  log.error("stream.fatal", { error: err as Error });
  process.exit(1);
}
