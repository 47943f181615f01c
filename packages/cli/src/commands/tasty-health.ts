import type { Command } from "commander";
import type { AppConfig, ConfigResult } from "@stratdeck/core/config";
import { validateConfig } from "@stratdeck/core/config";
import { runTastyHealth, type TastyHealthReport } from "@stratdeck/core/health";
import { SIM_CREDENTIALS, readLocalStack, type LocalStackInfo } from "@stratdeck/core/wiring";
import { startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { DynamoStatusStore } from "@stratdeck/core/status";
import { createDocumentClient } from "@stratdeck/core/storage";
import { TastyRestClient } from "@stratdeck/core/tasty";
import { systemClock } from "@stratdeck/core/time";
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
    .option("--require-stream", "count a stale or missing stream heartbeat as unhealthy")
    .action(
      action(async (opts: Options) => {
        const timeoutMs = Number(opts.timeoutMs) > 0 ? Number(opts.timeoutMs) : 8000;
        let parsed: ConfigResult = validateConfig(process.env);
        const log = cliLogger("tasty-health", parsed.ok ? parsed.config.logLevel : "WARN");
        let sim: RunningSimulator | null = null;
        let status: StatusReader | null = null;
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
          status = config ? statusStore(config, local) : null;
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
            { symbol: opts.symbol, probeTimeoutMs: timeoutMs, requireStream: opts.requireStream === true },
          );
          emit(report, opts, human);
          if (!report.ok) throw new ExitCode(parsed.ok ? 1 : 2);
        } finally {
          status?.doc.destroy();
          await sim?.stop();
        }
      }),
    );
}

/** The heartbeat store and its client (destroyed when the command ends). */
interface StatusReader {
  store: DynamoStatusStore;
  doc: ReturnType<typeof createDocumentClient>;
}

/**
 * Heartbeats: an explicit endpoint, the running local stack's engine (with its credential), or
 * DynamoDB in AWS when AWS storage is chosen; none otherwise (no stack, no stream heartbeat).
 */
function statusStore(config: AppConfig, local: LocalStackInfo | null): StatusReader | null {
  const endpoint = config.dynamoEndpoint ?? local?.dynamoEndpoint;
  if (!endpoint && config.storage !== "aws") return null;
  const doc = createDocumentClient({
    ...(endpoint ? { endpoint } : {}),
    ...(!config.dynamoEndpoint && local?.dynamoAccessKeyId
      ? { localAccessKeyId: local.dynamoAccessKeyId }
      : {}),
    ...(!config.dynamoEndpoint && local?.dynamoSecretAccessKey
      ? { localSecretAccessKey: local.dynamoSecretAccessKey }
      : {}),
    region: config.region,
    requestTimeoutMs: 3000,
    maxAttempts: 1,
  });
  return { store: new DynamoStatusStore(doc, config.tables.status, systemClock), doc };
}

function human(r: TastyHealthReport): string {
  const { config, rest, dxlink, stream } = r.checks;
  const mark = (ok: boolean, skipped?: string) => (skipped ? "skip" : ok ? "ok  " : "FAIL");
  return [
    `tasty-health: ${r.ok ? "HEALTHY" : "UNHEALTHY"} (data ${r.dataMode ?? "?"}, ${r.environment ?? "?"} ${r.restUrl ?? ""})`,
    `  config  ${mark(config.ok)} ${config.issues.map((i) => i.message).join("; ")}`,
    `  rest    ${mark(rest.ok, rest.skipped)} ${rest.skipped ?? (rest.ok ? `token ${rest.tokenMs}ms, call ${rest.callMs}ms, quote token ${rest.quoteTokenMs}ms${rest.ivRank !== undefined ? `, ${rest.symbol} IV rank ${rest.ivRank}` : ""}` : rest.error?.message)}`,
    `  dxlink  ${mark(dxlink.ok, dxlink.skipped)} ${dxlink.skipped ?? (dxlink.ok ? `connect ${dxlink.connectMs}ms, auth ${dxlink.authMs}ms, first quote ${dxlink.firstQuoteMs}ms` : dxlink.error)}`,
    `  stream  ${stream.state}${stream.ageMs !== undefined ? ` (last heartbeat ${Math.round(stream.ageMs / 1000)}s ago)` : ""}${stream.error ? ` (${stream.error})` : ""}`,
    ...r.problems.map((p) => `problem: ${p}`),
  ].join("\n");
}
