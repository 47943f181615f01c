import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BacktestResult } from "../backtest-types";
import type { BacktestJob } from "./backtest-job";

/**
 * The worker's entry, resolved through the package (not beside this module): in the CLI's bundle
 * this module is a chunk in packages/cli/dist, where no worker file lies.
 */
const WORKER_URL = createRequire(import.meta.url).resolve("@stratdeck/sim/backtest-worker");

/** A job that failed in a worker, with the worker's error name and message. */
export class BacktestJobError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = "BacktestJobError";
  }
}

type Reply = { id: number; result?: BacktestResult; error?: { name: string; message: string } };

/** Feeds jobs to one worker until none are left. */
function drain(
  worker: Worker,
  jobs: readonly BacktestJob[],
  next: () => number,
  results: BacktestResult[],
  onDone: (index: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const send = (): void => {
      const id = next();
      if (id >= jobs.length) return resolve();
      worker.postMessage({ id, job: jobs[id] });
    };
    worker.on("message", (m: Reply) => {
      if (m.error) return reject(new BacktestJobError(m.error.name, m.error.message));
      results[m.id] = m.result as BacktestResult;
      onDone(m.id);
      send();
    });
    worker.on("error", reject);
    send();
  });
}

/**
 * Runs backtest jobs on `threads` worker threads (default: every core), each worker taking the next
 * job when it finishes one; results in the jobs' order. The first failure rejects (workers end).
 */
export async function runBacktestJobs(
  jobs: readonly BacktestJob[],
  options: { threads?: number; onDone?: (index: number, total: number) => void } = {},
): Promise<BacktestResult[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  const results: BacktestResult[] = new Array<BacktestResult>(jobs.length);
  let cursor = 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_URL));
  try {
    await Promise.all(
      workers.map((w) =>
        drain(
          w,
          jobs,
          () => cursor++,
          results,
          (i) => options.onDone?.(i, jobs.length),
        ),
      ),
    );
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
