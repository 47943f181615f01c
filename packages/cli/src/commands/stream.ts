import type { Command } from "commander";
import {
  openFrameRecorder,
  runStreamTask,
  streamOptionsFromConfig,
  streamTaskDeps,
  type StreamTaskSummary,
} from "@stratdeck/core/stream";
import { emit } from "../support/output";
import { withDeps } from "../support/deps";
import { action, OptionError } from "../support/run";

interface Options {
  json?: boolean;
  for?: string;
  windowMs?: string;
  heartbeatMs?: string;
  record?: string;
}

/** `stratdeck stream`: the DXLink stream task in the foreground until Ctrl-C / SIGTERM (or --for). */
export function registerStream(command: Command): void {
  command
    .option("--json", "print the final status as one JSON document")
    .option("--for <seconds>", "stop by itself after this many seconds")
    .option("--window-ms <ms>", "write each symbol at most once per window (default 1000)")
    .option("--heartbeat-ms <ms>", "re-confirm unchanged snapshots this often (default 5000)")
    .option(
      "--record <file>",
      "also record every received DXLink frame (gzip, one JSON line each) for `backtest --replay`",
    )
    .action(
      action(async (opts: Options) => {
        const summary = await withDeps(async (deps) => {
          const stop = new AbortController();
          const onSignal = (): void => stop.abort();
          process.once("SIGINT", onSignal);
          process.once("SIGTERM", onSignal);
          const seconds = positive(opts.for, "--for");
          const timer = seconds ? setTimeout(onSignal, seconds * 1000) : undefined;
          if (opts.record !== undefined && opts.record.trim() === "")
            throw new OptionError("--record needs a file path");
          const recorder = opts.record ? openFrameRecorder(opts.record) : null;
          try {
            const fromConfig = streamOptionsFromConfig(deps.config);
            const taskDeps = streamTaskDeps(deps);
            const tapped = recorder
              ? { ...taskDeps, onFrame: (b: Uint8Array, at: number) => recorder.write(b, at) }
              : taskDeps;
            return await runStreamTask(tapped, stop.signal, {
              ...fromConfig,
              writer: {
                ...fromConfig.writer,
                ...(opts.windowMs ? { windowMs: positive(opts.windowMs, "--window-ms") } : {}),
                ...(opts.heartbeatMs ? { heartbeatMs: positive(opts.heartbeatMs, "--heartbeat-ms") } : {}),
              },
            });
          } finally {
            await recorder?.close();
            clearTimeout(timer);
            process.off("SIGINT", onSignal);
            process.off("SIGTERM", onSignal);
          }
        });
        emit(summary, opts, human);
      }),
    );
}

function positive(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n > 0)) throw new OptionError(`${flag} must be a positive number, got "${v}"`);
  return n;
}

function human(s: StreamTaskSummary): string {
  const w = s.writer;
  return [
    `stream ${s.state}: ${s.events} events, ${s.connects} connects, ${s.reconnects} reconnects, ${s.authFailures} auth failures`,
    `  symbols: ${s.symbolsSubscribed.count} (${s.symbolsSubscribed.sample.join(", ")}${s.symbolsSubscribed.count > s.symbolsSubscribed.sample.length ? ", ..." : ""})`,
    `  snapshots: ${w.writes} written, ${w.heartbeats} re-confirmed, ${w.failedFlushes} failed flushes, ${w.pending} pending`,
  ].join("\n");
}
