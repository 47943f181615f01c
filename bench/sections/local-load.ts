import type { BenchSection } from "../section";
import { pause, startStackProcess, type StackProcess } from "../support/stack-process";

/** Targets of the cheap reads and the load run. */
export const LOAD_TARGETS = { readP50Ms: 50, loadErrors: 0, rssRecoveryPct: 10 };

const REQUESTS = 2_000;
const CONCURRENCY = 50;
const READS = 200;

/** Mean resident memory over `ms`, sampled every 2 s, MB. */
async function meanRss(stack: StackProcess, ms: number): Promise<number> {
  const samples: number[] = [];
  for (let t = 0; t < ms; t += 2_000) {
    samples.push(stack.rssMB());
    await pause(2_000);
  }
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

async function p50(stack: StackProcess, path: string): Promise<{ p50Ms: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < READS; i++) {
    const t0 = performance.now();
    const status = await stack.get(path);
    times.push(performance.now() - t0);
    if (status !== 200 && status !== 503) errors++;
  }
  times.sort((a, b) => a - b);
  return { p50Ms: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10, errors };
}

/**
 * `localLoad`: against `stratdeck start` (loopback, temporary state folder): p50 of `/ideas` and
 * `/health` (200 sequential reads each, target < 50 ms), then 2,000 `/positions` requests at
 * concurrency 50 (target: no error) and resident memory a minute later against before the load
 * (target: within 10 %; 30 s means: the mean from 45 to 75 s after the load against the 30 s
 * before it).
 */
export const localLoadSection: BenchSection = {
  key: "localLoad",
  title: "local stack reads and load (/ideas, /health p50; 2,000 × /positions at concurrency 50)",
  run: async () => {
    const stack = await startStackProcess();
    try {
      await pause(60_000);
      const ideas = await p50(stack, "/ideas");
      const health = await p50(stack, "/health");
      // V8's heap is a saw-tooth (a major GC every ~2 min while idle): compare 30 s means, not points.
      const rssBefore = await meanRss(stack, 30_000);
      let next = 0;
      let errors = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < REQUESTS) {
            next++;
            if ((await stack.get("/positions")) !== 200) errors++;
          }
        }),
      );
      const loadSeconds = (performance.now() - t0) / 1000;
      const rssPeak = stack.rssMB();
      await pause(45_000);
      const rssAfter = await meanRss(stack, 30_000);
      const rssChangePct = Math.round(((rssAfter - rssBefore) / rssBefore) * 1000) / 10;
      const json = {
        ideasP50Ms: ideas.p50Ms,
        healthP50Ms: health.p50Ms,
        readErrors: ideas.errors + health.errors,
        positionsRequests: REQUESTS,
        concurrency: CONCURRENCY,
        positionsErrors: errors,
        positionsPerSec: Math.round(REQUESTS / loadSeconds),
        rssBeforeMB: Math.round(rssBefore),
        rssPeakMB: Math.round(rssPeak),
        rssAfterMinuteMB: Math.round(rssAfter),
        rssChangePct,
      };
      const ok = (b: boolean): string => (b ? "ok" : "OVER");
      const human = [
        `GET /ideas p50            ${json.ideasP50Ms} ms   target < ${LOAD_TARGETS.readP50Ms} ms ${ok(json.ideasP50Ms < LOAD_TARGETS.readP50Ms)}`,
        `GET /health p50           ${json.healthP50Ms} ms   target < ${LOAD_TARGETS.readP50Ms} ms ${ok(json.healthP50Ms < LOAD_TARGETS.readP50Ms)}`,
        `/positions ×${REQUESTS} @${CONCURRENCY}   ${errors} errors, ${json.positionsPerSec} req/s   target 0 errors ${ok(errors === 0)}`,
        `RSS before/peak/~+60 s     ${json.rssBeforeMB} / ${json.rssPeakMB} / ${json.rssAfterMinuteMB} MB (${rssChangePct}%)   target within ±${LOAD_TARGETS.rssRecoveryPct}% ${ok(Math.abs(rssChangePct) <= LOAD_TARGETS.rssRecoveryPct)}`,
      ].join("\n");
      return { json, human };
    } finally {
      await stack.stop();
    }
  },
};
