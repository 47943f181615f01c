import type { Command } from "commander";

/** One command of the `stratdeck` CLI: its name and summary, and its module, loaded only when run. */
export interface CommandEntry {
  /** The command's name (`stratdeck <name>`). */
  name: string;
  /** One line for `stratdeck --help` and the command's own help. */
  summary: string;
  /** Its positional arguments as shown in help (e.g. `<positionId>`), if any. */
  args?: string;
  /**
   * Examples shown under the command's `--help` (arguments after `stratdeck`), each runnable on an
   * empty state folder; `error` is the error code it ends with there (exit code per README's table).
   */
  examples: ReadonlyArray<{ args: string; error?: string }>;
  /** Loads the command's module (a dynamic import, its own chunk in the bundle) and returns its registrar. */
  load: () => Promise<(command: Command) => void>;
}

/** Every command of the `stratdeck` CLI, one file each; only the one being run is loaded. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "start",
    summary: "run the whole local stack: embedded DynamoDB, simulator, stream, scheduler, API and phone page",
    examples: [{ args: "start --port 0 --json" }],
    load: async () => (await import("./start")).registerStart,
  },
  {
    name: "config",
    summary:
      "validate the environment and what start needs (ports, strategies file, state folder); print the effective configuration (secrets hidden)",
    examples: [{ args: "config --json" }],
    load: async () => (await import("./config")).registerConfig,
  },
  {
    name: "bench",
    summary: "run the benchmarks (ratios against baselines run in the same process)",
    examples: [{ args: "bench --only scan --json" }],
    load: async () => (await import("./bench")).registerBench,
  },
  {
    name: "enter-auto",
    summary:
      "scan for ideas and enter the best passing ones as paper trades (risk rules and fill model applied)",
    examples: [{ args: "enter-auto --strategy iron_condor_index_30d --json" }],
    load: async () => (await import("./enter-auto")).registerEnterAuto,
  },
  {
    name: "enter",
    summary:
      "enter one idea of the latest ideas report (same guard, risk limits, fills and claims as automatic entry)",
    args: "<ideaId>",
    examples: [{ args: "enter idea_unknown --json", error: "not-found" }],
    load: async () => (await import("./enter")).registerEnter,
  },
  {
    name: "claims",
    summary:
      "reservations held against the risk caps: holder, state (open, order at the broker, in progress), risk, claims and lease end",
    examples: [{ args: "claims" }, { args: "claims --json" }],
    load: async () => (await import("./claims")).registerClaims,
  },
  {
    name: "positions",
    summary: "open positions marked to market: P&L, % of max profit, DTE, breakevens, distance to the shorts",
    examples: [{ args: "positions" }, { args: "positions --json" }],
    load: async () => (await import("./positions")).registerPositions,
  },
  {
    name: "check-exits",
    summary: "settle expired positions, then check profit target / DTE / max loss and alert (once per rule)",
    examples: [{ args: "check-exits --json" }],
    load: async () => (await import("./check-exits")).registerCheckExits,
  },
  {
    name: "close",
    summary: "close an open position and record its realised P&L (paper: fill model; live: at the broker)",
    args: "<positionId>",
    examples: [{ args: "close pos_unknown --json", error: "not-found" }],
    load: async () => (await import("./close")).registerClose,
  },
  {
    name: "history",
    summary:
      "closed and settled positions: realised P&L (gross, fees, net), hold time, exit reason; totals, win rate, max drawdown",
    examples: [{ args: "history --limit 10" }],
    load: async () => (await import("./history")).registerHistory,
  },
  {
    name: "backup",
    summary:
      "export the ledger (orders, positions, history, alerts, cooldowns, status) to FILE, atomically; default a new file in <state folder>/backups",
    args: "[file]",
    examples: [{ args: "backup --json" }],
    load: async () => (await import("./backup")).registerBackup,
  },
  {
    name: "restore",
    summary:
      "replace the state folder's store with a backup: the current store is moved aside (never deleted), then the backup is loaded",
    args: "<file>",
    examples: [{ args: "restore no-such-backup.json --json", error: "invalid-option" }],
    load: async () => (await import("./restore")).registerRestore,
  },
  {
    name: "sim",
    summary: "run the local tastytrade simulator: REST and DXLink (/realtime) on one port",
    examples: [{ args: "sim --port 0 --seed 7 --json" }],
    load: async () => (await import("./sim")).registerSim,
  },
  {
    name: "tasty-health",
    summary:
      "check config, tastytrade REST (OAuth + one call), DXLink (connect, auth, one Quote) and the stream heartbeat",
    examples: [{ args: "tasty-health --json" }],
    load: async () => (await import("./tasty-health")).registerTastyHealth,
  },
  {
    name: "trade-ideas",
    summary: "scan strategies.yaml's strategies on live quotes; print ranked ideas and why others failed",
    examples: [
      { args: "trade-ideas --strategy short_put_spread_index_45d" },
      { args: "trade-ideas --strategy wheel --json", error: "unknown-strategy" },
    ],
    load: async () => (await import("./trade-ideas")).registerTradeIdeas,
  },
  {
    name: "stream",
    summary:
      "run the stream task: DXLink feed (auto-reconnect) -> coalesced snapshots in DynamoDB, until Ctrl-C",
    examples: [{ args: "stream --for 3 --json" }],
    load: async () => (await import("./stream")).registerStream,
  },
  {
    name: "day",
    summary:
      "drive the orchestrator through a simulated trading day (fake clock, simulator, in-memory tables)",
    examples: [{ args: "day --seed 1 --date 2026-12-02 --json" }],
    load: async () => (await import("./day")).registerDay,
  },
  {
    name: "backtest",
    summary:
      "run the scheduled jobs (ideas/entries, exits, settlement) on every NYSE trading day of a range, on a fake clock, against the seeded synthetic market or a replay of daily history",
    examples: [{ args: "backtest --from 2025-01-02 --to 2025-01-03 --strategy iron_condor_index_30d" }],
    load: async () => (await import("./backtest")).registerBacktest,
  },
];

/** The `Examples:` block of a command's help, one `$ stratdeck …` line each. */
export function examplesHelp(examples: CommandEntry["examples"]): string {
  const lines = examples.map(
    (e) => `  $ stratdeck ${e.args}${e.error ? `   # ${e.error} on an empty state folder` : ""}`,
  );
  return `\nExamples:\n${lines.join("\n")}`;
}
