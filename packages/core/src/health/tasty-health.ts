import { performance } from "node:perf_hooks";
import type { AppConfig, ConfigResult } from "../config/app-config";
import { probeDxLink, type ProbeOptions, type ProbeResult } from "../dxlink/probe";
import type { Log } from "../log/log";
import type { StatusStore } from "../status/status-store";
import { staleKinds } from "../stream/stream-freshness";
import { isMarketOpen } from "../time/nyse-calendar";
import { readJobHeartbeats } from "./stored-health";
import type { StreamTaskSummary } from "../stream/stream-status";
import { restBaseUrl, tastyEnvironment } from "../tasty/rest-base-url";
import { TastyApiError } from "../tasty/tasty-api-error";
import type { TastyRestClient } from "../tasty/tasty-rest-client";
import type { Clock } from "../time/clock";
import { confirmCalendar } from "../time/calendar-confirmation";
import type {
  CalendarCheck,
  CheckError,
  ConfigCheck,
  DxLinkCheck,
  JobsCheck,
  RestCheck,
  StreamCheck,
  TastyHealthReport,
} from "./tasty-health-report";

/** The DXLink probe (`probeDxLink` from @stratdeck/core/dxlink). */
export type DxLinkProbe = (opts: ProbeOptions) => Promise<ProbeResult>;

/** The REST calls the health check makes (the broker calendar when the client offers it). */
export type HealthRest = Pick<TastyRestClient, "accessToken" | "getMarketMetrics" | "getQuoteToken"> &
  Partial<Pick<TastyRestClient, "getEquityCalendar">>;

/** What {@link runTastyHealth} needs (a narrow slice of the shells' deps). */
export interface TastyHealthDeps {
  clock: Clock;
  log: Log;
  /** The validated config, or a failed validation (reported; nothing else is checked). */
  config: AppConfig | ConfigResult;
  /** REST client; absent when the config has no tastytrade credentials. */
  rest?: HealthRest | null;
  /** Heartbeats; absent when no store is reachable from this shell. */
  status?: Pick<StatusStore, "read"> | null;
  /** The DXLink probe; default {@link probeDxLink}. */
  probe?: DxLinkProbe;
}

/** Knobs of {@link runTastyHealth}. */
export interface TastyHealthOptions {
  /** Symbol for the light REST call and the DXLink Quote, default `SPX`. */
  symbol?: string;
  /** DXLink probe deadline, ms (default 8 000). */
  probeTimeoutMs?: number;
  /** Oldest acceptable stream heartbeat, ms (default 120 000). */
  streamMaxAgeMs?: number;
  /** Count a stale/absent stream heartbeat as unhealthy (e.g. during market hours), default false. */
  requireStream?: boolean;
  /**
   * A stream whose heartbeat is fresh but whose underlyings or options had no event for longer
   * than this is stalled, ms (default the config's `streamStaleAfterMs`, else 60 000).
   */
  staleAfterMs?: number;
  /**
   * After the DXLink probe's first Quote, how long it waits for an update, ms (default
   * {@link DXLINK_UPDATE_WITHIN_MS}; 0 = do not wait).
   */
  updateWithinMs?: number;
  /**
   * Whether a session is open at an instant (default the NYSE session): then a probe that got
   * the subscription's snapshot and no update within `updateWithinMs` is unhealthy.
   */
  sessionOpen?: (ms: number) => boolean;
  /** Also read every job's last run from the status store, as `/health` does (failed runs count). */
  includeJobs?: boolean;
}

/** How long the DXLink probe waits for an update after the first Quote by default, ms. */
export const DXLINK_UPDATE_WITHIN_MS = 5_000;

const elapsed = (t0: number) => Math.round(performance.now() - t0);

/**
 * Is the data path healthy? Validates config, gets an OAuth token and makes one light REST call,
 * gets a quote token and probes DXLink (connect, authorize, one Quote), and reads the stream
 * task's heartbeat. Never throws: every failure becomes a check with `ok: false`.
 */
export async function runTastyHealth(
  deps: TastyHealthDeps,
  options: TastyHealthOptions = {},
): Promise<TastyHealthReport> {
  const symbol = options.symbol ?? "SPX";
  const cfg = "ok" in deps.config ? deps.config : { ok: true as const, config: deps.config, warnings: [] };
  const config: AppConfig | null = cfg.ok ? cfg.config : null;
  const configCheck: ConfigCheck = { ok: cfg.ok, issues: cfg.ok ? [] : cfg.issues, warnings: cfg.warnings };
  if (config && !config.tasty) {
    configCheck.ok = false;
    configCheck.issues.push({
      variable: "TASTY_CLIENT_SECRET",
      message:
        "no tastytrade credentials: set TASTY_CLIENT_SECRET and TASTY_REFRESH_TOKEN (or TASTY_API_URL for a simulator)",
    });
  }

  const rest: RestCheck = { ok: false, symbol };
  const dxlink: DxLinkCheck = { ok: false };
  if (!configCheck.ok || !deps.rest) {
    rest.skipped = dxlink.skipped = configCheck.ok ? "no REST client" : "invalid configuration";
  } else {
    const grant = await checkRest(deps.rest, rest, symbol);
    if (grant)
      await checkDxLink(deps, grant, dxlink, symbol, {
        timeoutMs: options.probeTimeoutMs ?? 8_000,
        updateWithinMs: options.updateWithinMs ?? DXLINK_UPDATE_WITHIN_MS,
        expectUpdates: (options.sessionOpen ?? isMarketOpen)(deps.clock.now()),
      });
    else dxlink.skipped = "no quote token (REST check failed)";
  }
  const calendar =
    rest.ok && deps.rest ? await checkCalendar(deps.rest) : { ok: true, skipped: "no REST check" };
  const stream = await checkStream(deps, {
    ...options,
    staleAfterMs: options.staleAfterMs ?? config?.streamStaleAfterMs ?? 60_000,
  });
  const jobs = options.includeJobs && deps.status ? await checkJobs(deps.status) : null;

  const problems: string[] = [];
  if (!configCheck.ok) problems.push(`config: ${configCheck.issues.map((i) => i.message).join("; ")}`);
  if (configCheck.ok && !rest.ok) problems.push(`rest: ${rest.error?.message ?? rest.skipped}`);
  if (rest.ok && !dxlink.ok) problems.push(`dxlink: ${dxlink.error ?? dxlink.skipped}`);
  // Unknown is never healthy, required or not: nobody can say the stream is fine.
  if ((stream.required && !stream.ok) || stream.state === "unknown")
    problems.push(`stream: ${streamProblem(stream)}`);
  if (jobs) problems.push(...jobs.problems);
  for (const d of calendar.disagreements ?? [])
    problems.push(
      `calendar: tastytrade lists ${d.date} as ${d.broker}, the NYSE calendar as ${d.ours} (fix nyse-closures.ts and redeploy)`,
    );
  const report: TastyHealthReport = {
    ok: problems.length === 0,
    checkedAt: new Date(deps.clock.now()).toISOString(),
    dataMode: config?.dataMode ?? null,
    environment: config?.tasty ? tastyEnvironment(config.tasty) : null,
    restUrl: config?.tasty ? restBaseUrl(config.tasty) : null,
    problems,
    checks: { config: configCheck, rest, dxlink, stream, calendar, ...(jobs ? { jobs: jobs.jobs } : {}) },
  };
  deps.log[report.ok ? "info" : "warn"]("health.tasty", { ok: report.ok, problems });
  return report;
}

async function checkRest(api: HealthRest, out: RestCheck, symbol: string) {
  try {
    let t0 = performance.now();
    await api.accessToken();
    out.tokenMs = elapsed(t0);
    t0 = performance.now();
    const metrics = await api.getMarketMetrics([symbol]);
    out.callMs = elapsed(t0);
    const cooled = metrics.cooldown[0];
    if (cooled) {
      out.error = {
        kind: "cooldown",
        message: `${symbol} in REST cooldown (${cooled.reason})`,
        cooldownUntil: new Date(cooled.until).toISOString(),
      };
      return null;
    }
    const m = metrics.items.find((i) => i.symbol === symbol);
    if (m?.ivRank !== undefined) out.ivRank = m.ivRank;
    t0 = performance.now();
    const grant = await api.getQuoteToken();
    out.quoteTokenMs = elapsed(t0);
    out.ok = true;
    return grant;
  } catch (err) {
    out.error = toCheckError(err);
    return null;
  }
}

/**
 * Probes DXLink: connected, authorized, a first Quote, then (with `updateWithinMs`) an update. In
 * a session (`expectUpdates`) a feed that sent only the subscription's snapshot is unhealthy.
 */
async function checkDxLink(
  deps: TastyHealthDeps,
  grant: { token: string; dxlinkUrl: string },
  out: DxLinkCheck,
  symbol: string,
  o: { timeoutMs: number; updateWithinMs: number; expectUpdates: boolean },
): Promise<void> {
  out.dxlinkUrl = grant.dxlinkUrl;
  try {
    const probe = deps.probe ?? probeDxLink;
    const r = await probe({
      dxlinkUrl: grant.dxlinkUrl,
      token: grant.token,
      symbol,
      timeoutMs: o.timeoutMs,
      ...(o.updateWithinMs > 0 ? { updateWithinMs: o.updateWithinMs } : {}),
      log: deps.log,
    });
    const snapshotOnly = r.ok && r.updates === "snapshot-only";
    Object.assign(out, r, {
      ok: r.ok && !(snapshotOnly && o.expectUpdates),
      expectUpdates: o.expectUpdates,
      ...(r.updates ? { updateWithinMs: o.updateWithinMs } : {}),
    });
    if (snapshotOnly && o.expectUpdates)
      out.error = `connected, snapshot only: no update of ${symbol} within ${o.updateWithinMs} ms after the first quote, in a session`;
  } catch (err) {
    out.error = (err as Error).message ?? String(err);
  }
}

/** Every job's last run, read as `/health` reads it. */
async function checkJobs(
  status: Pick<StatusStore, "read">,
): Promise<{ jobs: JobsCheck; problems: string[] }> {
  try {
    return await readJobHeartbeats(status);
  } catch (err) {
    return { jobs: {}, problems: [`jobs: unknown (${(err as Error).message})`] };
  }
}

function streamProblem(s: StreamCheck): string {
  if (s.state === "stalled" || s.state === "disconnected")
    return `${s.state}: no ${s.staleKinds?.join(" or ")} event for over ${s.staleAfterMs} ms`;
  if (s.state === "absent") return "no stream running (no heartbeat ever written)";
  if (s.state === "stale")
    return `no stream running (last heartbeat ${Math.round((s.ageMs ?? 0) / 1000)} s ago)`;
  return `unknown (${s.error ?? "status store not readable"})`;
}

async function checkStream(
  deps: TastyHealthDeps,
  options: TastyHealthOptions & { staleAfterMs: number },
): Promise<StreamCheck> {
  const required = options.requireStream === true;
  if (!deps.status) return { ok: false, state: "unknown", required, error: "no status store configured" };
  try {
    const rec = await deps.status.read("stream");
    if (!rec) return { ok: false, state: "absent", running: false, required };
    const fresh = rec.ageMs <= (options.streamMaxAgeMs ?? 120_000);
    const data = rec.data as Partial<StreamTaskSummary>;
    const kinds =
      fresh && data.freshness ? staleKinds(data.freshness, deps.clock.now(), options.staleAfterMs) : [];
    const state = !fresh
      ? "stale"
      : kinds.length === 0
        ? "fresh"
        : data.feedState === "streaming"
          ? "stalled"
          : "disconnected";
    return {
      ok: state === "fresh",
      state,
      running: state !== "stale",
      required,
      staleAfterMs: options.staleAfterMs,
      ...(kinds.length > 0 ? { staleKinds: kinds } : {}),
      lastHeartbeatAt: new Date(rec.updatedAt).toISOString(),
      ageMs: rec.ageMs,
      data: rec.data,
    };
  } catch (err) {
    return { ok: false, state: "unknown", required, error: (err as Error).message };
  }
}

/** Confirms the NYSE calendar against tastytrade's holidays and half days, when available. */
async function checkCalendar(api: HealthRest): Promise<CalendarCheck> {
  if (!api.getEquityCalendar) return { ok: true, skipped: "not offered by the REST client" };
  try {
    const broker = await api.getEquityCalendar();
    const disagreements = confirmCalendar(broker);
    return {
      ok: disagreements.length === 0,
      checkedDates: broker.holidays.length + broker.halfDays.length,
      disagreements,
    };
  } catch (err) {
    // Unavailable is not unhealthy: the calendar's own rules still apply.
    return { ok: true, skipped: `unavailable: ${(err as Error).message}` };
  }
}

function toCheckError(err: unknown): CheckError {
  if (err instanceof TastyApiError) {
    const { cooldownUntil, ...rest } = err.toJSON();
    return {
      ...rest,
      ...(cooldownUntil !== undefined ? { cooldownUntil: new Date(cooldownUntil).toISOString() } : {}),
    };
  }
  const e = err as Error;
  return { kind: e?.name ?? "error", message: e?.message ?? String(err) };
}
