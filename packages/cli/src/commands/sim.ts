import type { Command } from "commander";
import { FaultState, startSimulator, type RunningSimulator } from "@stratdeck/sim";
import { cliLogger } from "../support/cli-log";
import { emit } from "../support/output";
import { action, OptionError } from "../support/run";

interface SimOptions {
  json?: boolean;
  port: string;
  host: string;
  seed: string;
  speed: string;
  publishInterval?: string;
  keepalive?: string;
  closeEvery?: string;
  silenceAfter?: string;
  stopEventsAfter?: string;
  rejectAuth?: boolean;
  quoteTokenTtl?: string;
  accessTokenTtl?: string;
  malformed?: string;
  rateLimit?: string;
  rateLimitFor?: string;
  slow?: string;
  maxFrame?: string;
  garbage?: boolean;
  dropEarlyAuth?: string | boolean;
  alwaysOpen?: boolean;
  omitQuoteExpiry?: boolean;
  fullAfter?: string;
}

/** A flag value as a number, or a clear error naming the flag. */
function num(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min)
    throw new OptionError(`--${flag} must be a number >= ${min}, got "${value}"`);
  return n;
}

/** `--drop-early-auth` alone = always (1); with a value, that probability; absent = never. */
function dropRate(value: string | boolean | undefined): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 1;
  const p = num("drop-early-auth", value);
  if (p === undefined || p > 1)
    throw new OptionError(`--drop-early-auth must be between 0 and 1, got "${value}"`);
  return p;
}

/** The fault flags, checked before the simulator starts so a bad value leaves nothing running. */
function faultFlags(opts: SimOptions) {
  return {
    closeEvery: num("close-every", opts.closeEvery, 0.1),
    silenceAfter: num("silence-after", opts.silenceAfter),
    stopEventsAfter: num("stop-events-after", opts.stopEventsAfter),
    malformed: num("malformed", opts.malformed),
    limitFor: num("rate-limit-for", opts.rateLimitFor),
    symbols: opts.rateLimit?.split(",").filter((s) => s.trim() !== ""),
    slow: num("slow", opts.slow),
  };
}

/** Turns on the fault flags; returns the timers to clear on shutdown. */
function applyFaults(
  sim: RunningSimulator,
  opts: SimOptions,
  f: ReturnType<typeof faultFlags>,
): NodeJS.Timeout[] {
  const timers: NodeJS.Timeout[] = [];
  if (f.closeEvery)
    timers.push(setInterval(() => sim.faults.closeAll(1012, "SERVICE_RESTART"), f.closeEvery * 1000));
  if (f.silenceAfter !== undefined)
    timers.push(setTimeout(() => sim.faults.silence(true), f.silenceAfter * 1000));
  if (f.stopEventsAfter !== undefined)
    timers.push(setTimeout(() => sim.faults.stopEvents(true), f.stopEventsAfter * 1000));
  if (opts.rejectAuth) sim.faults.rejectAuth(true);
  if (f.malformed && sim.faults instanceof FaultState)
    sim.faults.malformedOnConnect = Math.floor(f.malformed);
  if (f.symbols?.length || f.limitFor) {
    sim.faults.rateLimit({ symbols: f.symbols, forMs: f.limitFor ? f.limitFor * 1000 : undefined });
  }
  if (f.slow) sim.faults.slow(f.slow);
  if (opts.garbage) sim.faults.garbage(true);
  return timers;
}

/** `stratdeck sim`: the local tastytrade look-alike (REST + DXLink on one port) until SIGINT/SIGTERM. */
export function registerSim(command: Command): void {
  command
    .option("--json", "print {restUrl, dxlinkUrl, seed} as one JSON document, then keep running")
    .option("--port <port>", "TCP port (0 = a free port)", "0")
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--seed <n>", "market seed", "1")
    .option("--speed <x>", "market-time multiplier", "1")
    .option("--publish-interval <ms>", "real ms between data pushes", "250")
    .option("--keepalive <sec>", "keepalive timeout advertised in SETUP", "60")
    .option("--close-every <sec>", "close every DXLink socket with 1012 this often")
    .option("--silence-after <sec>", "go silent (sockets open, nothing sent) after this long")
    .option(
      "--stop-events-after <sec>",
      "stop market events after this long (sockets open, KEEPALIVE answered)",
    )
    .option("--reject-auth", "answer every DXLink AUTH with UNAUTHORIZED")
    .option("--quote-token-ttl <sec>", "quote-token lifetime (market seconds)")
    .option("--access-token-ttl <sec>", "access-token lifetime (market seconds)")
    .option("--malformed <n>", "send n malformed frames to each socket after it authorizes")
    .option("--rate-limit <SYM,SYM>", "answer 429 for REST requests touching these symbols")
    .option("--rate-limit-for <sec>", "answer 429 for every REST request during this long")
    .option("--slow <ms>", "delay every REST response")
    .option("--max-frame <bytes>", "largest FEED_SUBSCRIPTION frame before a 1009 close")
    .option("--garbage", "answer REST with 200 and a body that is not valid JSON / not the shape")
    .option(
      "--drop-early-auth [p]",
      "fault: refuse a DXLink AUTH sent before AUTH_STATE with the ERROR tastytrade sends under load, always or with probability p (0..1)",
    )
    .option(
      "--always-open",
      "work orders at any hour (default: NYSE hours; a Day order outside them waits for the next session)",
    )
    .option("--omit-quote-expiry", "leave expires-at out of /api-quote-tokens")
    .option("--full-after <sec>", "switch every FEED channel to the FULL data format after this long")
    .action(
      action(async (opts: SimOptions) => {
        const log = cliLogger("sim", "INFO");
        const seed = num("seed", opts.seed) ?? 1;
        const faults = faultFlags(opts);
        const sim = await startSimulator({
          host: opts.host,
          port: num("port", opts.port),
          seed,
          speed: num("speed", opts.speed, 0.001),
          log,
          publishIntervalMs: num("publish-interval", opts.publishInterval, 1),
          keepaliveTimeoutSeconds: num("keepalive", opts.keepalive, 1),
          quoteTokenTtlSeconds: num("quote-token-ttl", opts.quoteTokenTtl, 1),
          accessTokenTtlSeconds: num("access-token-ttl", opts.accessTokenTtl, 1),
          maxSubscriptionFrameBytes: num("max-frame", opts.maxFrame, 64),
          dropEarlyAuth: dropRate(opts.dropEarlyAuth),
          marketHours: opts.alwaysOpen === true ? "always-open" : "nyse",
          quoteTokenWithoutExpiry: opts.omitQuoteExpiry === true,
        });
        const fullAfter = num("full-after", opts.fullAfter, 0);
        if (fullAfter !== undefined) setTimeout(() => sim.faults.switchToFull(), fullAfter * 1000).unref();
        const timers = applyFaults(sim, opts, faults);
        // Handlers before the announcement: a signal with no listener kills the process at once, and
        // whoever reads the announcement may stop it right away.
        const stopped = new Promise<void>((resolve) => {
          const stop = (): void => {
            for (const t of timers) clearTimeout(t);
            void sim.stop().then(resolve);
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        emit(
          { restUrl: sim.restUrl, dxlinkUrl: sim.dxlinkUrl, seed },
          opts,
          (r) =>
            `simulator running (seed ${r.seed})\nREST   ${r.restUrl}\nDXLink ${r.dxlinkUrl}\nCtrl-C to stop`,
        );
        await stopped;
      }),
    );
}
