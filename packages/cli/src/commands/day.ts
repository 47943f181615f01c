import type { Command } from "commander";
import { MemoryNotifier } from "@stratdeck/core/alerts";
import { runSimulatedDay } from "@stratdeck/sim/simulated-day";
import { paperSettingsFromStrategies, tradeHistory } from "@stratdeck/core/ledger";
import { startSimulator } from "@stratdeck/sim";
import { startDynalite } from "../local/engines";
import { FakeClock, isTradingDay, nextTradingDay, nyDate, systemClock } from "@stratdeck/core/time";
import { buildDeps } from "@stratdeck/core/wiring";
import { cliLogger } from "../support/cli-log";
import { emit } from "../support/output";
import { simPaperConfig } from "../support/sim-config";
import { action, OptionError } from "../support/run";
import { strategyOption } from "../support/strategy-option";
import { dayLedgerNote, daySummary } from "./day-summary";

interface DayOptions {
  json?: boolean;
  seed: string;
  date?: string;
  strategy: string;
  maxPositions: string;
  closeOnAlert?: boolean;
}

/** `stratdeck day`: a whole simulated trading day on a fake clock against the simulator, in seconds. */
export function registerDay(command: Command): void {
  command
    .option("--json", "print one JSON report")
    .option("--seed <n>", "simulator seed", "1")
    .option("--date <YYYY-MM-DD>", "trading day (default: today or the next trading day, New York)")
    .option(
      "--strategy <name>",
      "strategy the scans use ('all' for every strategy)",
      "short_put_spread_index_45d",
    )
    .option("--max-positions <n>", "risk limit: open positions at once", "1")
    .option("--close-on-alert", "close each position when its exit alert fires (as a trader would)")
    .action(
      action(async (opts: DayOptions) => {
        strategyOption(opts.strategy, true);
        const today = nyDate(systemClock.now());
        const date = opts.date ?? (isTradingDay(today) ? today : nextTradingDay(today));
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
          throw new OptionError(`--date must be YYYY-MM-DD, got "${date}"`);
        const seed = Number(opts.seed);
        if (!Number.isInteger(seed)) throw new OptionError(`--seed must be an integer, got "${opts.seed}"`);
        const maxOpen = Number(opts.maxPositions);
        if (!Number.isInteger(maxOpen) || maxOpen < 1)
          throw new OptionError(`--max-positions must be a positive integer`);
        const config = simPaperConfig();
        const log = cliLogger("stratdeck-day", config.logLevel === "INFO" ? "WARN" : config.logLevel);
        const clock = new FakeClock(Date.parse(`${date}T12:00:00Z`));
        const sim = await startSimulator({ clock, seed, log: log.child({ component: "sim" }) });
        // With AWS_ENDPOINT_URL_DYNAMODB the day's orders stay there (e.g. for `stratdeck history`).
        const engine = config.dynamoEndpoint
          ? { endpoint: config.dynamoEndpoint, stop: () => Promise.resolve() }
          : await startDynalite();
        const notifier = new MemoryNotifier();
        const deps = await buildDeps(
          {
            ...config,
            dynamoEndpoint: engine.endpoint,
            tasty: { clientSecret: "sim", refreshToken: "sim", isTest: false, apiUrl: sim.restUrl },
          },
          { clock, log, notifier },
        );
        try {
          // The configured settings (strategies.yaml, as every command), the position cap from --max-positions.
          const configured = paperSettingsFromStrategies(deps.strategies);
          const settings = {
            ...configured,
            risk: { ...configured.risk, maxOpenPositions: maxOpen, maxEntriesPerSlot: maxOpen },
          };
          const t0 = performance.now();
          const report = await runSimulatedDay(
            { ...deps, clock, market: sim.market },
            {
              date,
              settings,
              closeOnAlert: opts.closeOnAlert === true,
              ...(opts.strategy !== "all" ? { strategy: opts.strategy } : {}),
            },
          );
          const result = {
            seed,
            wallMs: Math.round(performance.now() - t0),
            alertsSent: notifier.sent,
            ...report,
            ledger: dayLedgerNote(config.dynamoEndpoint),
            history: await tradeHistory(deps.orders, { limit: 1000 }),
          };
          emit(result, opts, daySummary);
        } finally {
          await deps.close();
          await sim.stop();
          await engine.stop();
        }
      }),
    );
}
