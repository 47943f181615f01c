import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { AppConfig, ConfigResult } from "@stratdeck/core/config";
import { validateConfig } from "@stratdeck/core/config";
import { runTastyHealth, type TastyHealthReport } from "@stratdeck/core/health";
import { SIM_CREDENTIALS, readLocalStack, type LocalStackInfo } from "@stratdeck/core/wiring";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { DynamoStatusStore, MemoryStatusStore, type StatusStore } from "@stratdeck/core/status";
import type { Log } from "@stratdeck/core/log";
import { connectStorage } from "@stratdeck/core/wiring";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { isMarketOpen, systemClock } from "@stratdeck/core/time";
import { cliLogger } from "../support/cli-log";
import { emit, ExitCode } from "../support/output";
import { action } from "../support/run";

interface Options {
  json?: boolean;
  symbol: string;
  timeoutMs: string;
  requireStream?: boolean;
}

/** `stratdeck tasty-health`: is the market-data path healthy? Non-zero exit when not. */
export function registerTastyHealth(command: Command): void {
  command
    .option("--json", "print one JSON document")
    .option("--symbol <symbol>", "symbol for the REST call and the DXLink Quote", "SPX")
    .option("--timeout-ms <ms>", "deadline per REST call and for the DXLink probe", "8000")
    .option(
      "--require-stream",
      "count no stream running as unhealthy (default: only when a running stack's session is open)",
    )
    .action(
      action(async (opts: Options) => {
        const timeoutMs = Number(opts.timeoutMs) > 0 ? Number(opts.timeoutMs) : 8000;
        let parsed: ConfigResult = validateConfig(process.env);
        const log = cliLogger("tasty-health", parsed.ok ? parsed.config.logLevel : "WARN");
        let sim: RunningSimulator | null = null;
        let status: StatusSource | null = null;
        try {
          // Sim data mode: the running local stack (`stratdeck start`), TASTY_API_URL, or an
          // embedded simulator for this check.
          const local = parsed.ok ? readLocalStack(parsed.config.stateDir) : null;
          if (parsed.ok && parsed.config.dataMode === "sim" && !parsed.config.tasty?.apiUrl) {
            let apiUrl = parsed.config.tastyApiUrl ?? local?.simRestUrl;
            if (!apiUrl) {
              sim = await startSimulator({
                log: cliLogger("tasty-health", "WARN", { component: "sim" }),
              });
              apiUrl = sim.restUrl;
            }
            parsed = { ...parsed, config: { ...parsed.config, tasty: { ...SIM_CREDENTIALS, apiUrl } } };
          }
          const config = parsed.ok ? parsed.config : null;
          const clock = systemClock;
          status = config ? await statusSource(config, local, log) : null;
          // The simulator's market is open while it runs; a live feed's in the NYSE session.
          const sessionOpen = config?.dataMode === "sim" ? () => true : isMarketOpen;
          const requireStream =
            opts.requireStream === true || (status?.stack === true && sessionOpen(clock.now()));
          const report = await runTastyHealth(
            {
              clock,
              log,
              config: parsed,
              rest: config?.tasty
                ? new TastyRestClient({ tasty: config.tasty, clock, log, timeoutMs })
                : null,
              status: status?.store ?? null,
            },
            {
              symbol: opts.symbol,
              probeTimeoutMs: timeoutMs,
              requireStream,
              sessionOpen,
              includeJobs: true,
            },
          );
          if (status?.error) report.checks.stream.error = status.error;
          emit(report, opts, human);
          if (!report.ok) throw new ExitCode(parsed.ok ? 1 : 2);
        } finally {
          await status?.close();
          await sim?.stop();
        }
      }),
    );
}

/** Where the heartbeats are read: the state folder's status store, as `/health` reads it. */
interface StatusSource {
  /** Null: not readable (the stream is then unknown, never healthy). */
  store: Pick<StatusStore, "read"> | null;
  /** A running stack (local `start`, AWS, an endpoint) writes them: its stream runs in a session. */
  stack: boolean;
  /** Why the store is not readable. */
  error?: string;
  close(): Promise<void>;
}

/**
 * The status store of the state this command would use: an explicit endpoint, DynamoDB in AWS, the
 * running local stack's engine, else the state folder's own store (opened read-only under its
 * lock, briefly). A state folder that never held a store has no heartbeat: no stream ever ran.
 */
async function statusSource(
  config: AppConfig,
  local: LocalStackInfo | null,
  log: Log,
): Promise<StatusSource> {
  const stack = Boolean(config.dynamoEndpoint || config.storage === "aws" || local);
  const none = async (): Promise<void> => {};
  if (!stack && !existsSync(join(resolve(config.stateDir), "dynamodb")))
    return { store: new MemoryStatusStore(systemClock), stack, close: none };
  try {
    const conn = await connectStorage(config, {
      log,
      owner: "tasty-health",
      readOnlyState: true,
      lockWaitMs: STATE_LOCK_WAIT_MS,
      embeddedEngine: async (o) =>
        (await import("../local/engines")).startDynalite({ ...o, compactEveryMs: 0 }),
    });
    return {
      store: new DynamoStatusStore(conn.doc, config.tables.status, systemClock),
      stack,
      close: () => conn.close(),
    };
  } catch (err) {
    return {
      store: null,
      stack,
      error: `cannot read ${config.stateDir}: ${(err as Error).message}`,
      close: none,
    };
  }
}

/** Longest wait for another command holding the state folder before the stream is reported unknown, ms. */
const STATE_LOCK_WAIT_MS = 3_000;

function human(r: TastyHealthReport): string {
  const { config, rest, dxlink, stream, jobs } = r.checks;
  const mark = (ok: boolean, skipped?: string) => (skipped ? "skip" : ok ? "ok  " : "FAIL");
  const failedJobs = Object.entries(jobs ?? {}).filter(([, j]) => j?.ok === false);
  return [
    `tasty-health: ${r.ok ? "HEALTHY" : "UNHEALTHY"} (data ${r.dataMode ?? "?"}, ${r.environment ?? "?"} ${r.restUrl ?? ""})`,
    `  config  ${mark(config.ok)} ${config.issues.map((i) => i.message).join("; ")}`,
    `  rest    ${mark(rest.ok, rest.skipped)} ${rest.skipped ?? (rest.ok ? `token ${rest.tokenMs}ms, call ${rest.callMs}ms, quote token ${rest.quoteTokenMs}ms${rest.ivRank !== undefined ? `, ${rest.symbol} IV rank ${rest.ivRank}` : ""}` : rest.error?.message)}`,
    `  dxlink  ${mark(dxlink.ok, dxlink.skipped)} ${dxlink.skipped ?? dxlinkText(dxlink)}`,
    `  stream  ${stream.ok ? "ok  " : stream.required || stream.state === "unknown" ? "FAIL" : "-   "} ${streamText(stream)}`,
    ...(jobs
      ? [
          `  jobs    ${failedJobs.length > 0 ? "FAIL" : "ok  "} ${failedJobs.length > 0 ? `${failedJobs.map(([n]) => n).join(", ")} failed` : `${Object.values(jobs).filter((j) => j?.ok === true).length} with a good last run, none failed`}`,
        ]
      : []),
    ...r.problems.map((p) => `problem: ${p}`),
  ].join("\n");
}

/** The DXLink line: connected, first quote, and whether updates followed the snapshot. */
function dxlinkText(d: TastyHealthReport["checks"]["dxlink"]): string {
  if (d.firstQuoteMs === undefined) return d.error ?? "no quote";
  const base = `connect ${d.connectMs}ms, auth ${d.authMs}ms, first quote ${d.firstQuoteMs}ms`;
  if (d.updates === "arriving") return `${base}, updates arriving (first update ${d.firstUpdateMs}ms)`;
  if (d.updates === "snapshot-only")
    return `${base}, connected, snapshot only: no update within ${d.updateWithinMs} ms${d.expectUpdates ? " (a session is open)" : " (no session: none expected)"}`;
  return base;
}

/** The stream line: "no stream running" when none beats, the state otherwise. */
function streamText(s: TastyHealthReport["checks"]["stream"]): string {
  const age = s.ageMs !== undefined ? `last heartbeat ${Math.round(s.ageMs / 1000)}s ago` : "";
  if (s.state === "absent") return "no stream running (no heartbeat in the status store)";
  if (s.state === "stale") return `no stream running (${age})`;
  if (s.state === "unknown") return `unknown: ${s.error ?? "status store not readable"}`;
  if (s.state === "fresh") return `running, events fresh (${age})`;
  return `${s.state}: no ${s.staleKinds?.join(" or ")} event for over ${s.staleAfterMs} ms (${age})`;
}
