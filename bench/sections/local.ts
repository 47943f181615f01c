import type { BenchSection } from "../section";
import { pause, startStackProcess } from "../support/stack-process";

/** Budgets of an idle local stack (default config, after warm-up, averaged over the window). */
export const LOCAL_BUDGET = { cpuPctOfOneCore: 10, rssMB: 400, stateGrowthMBPerHour: 20 };

const WARMUP_MS = Number(process.env.STRATDECK_BENCH_WARMUP_MS ?? 60_000);
const WINDOW_MS = 60_000;

/**
 * `local`: `stratdeck start` (sim mode, default config) in a temporary state folder on free ports;
 * after the warm-up (first jobs, stream subscribed), CPU (share of one core), resident memory
 * (mean of 5 s samples) and state folder growth (least-squares trend of 2.5 s samples) over 60 s
 * of an idle market, beside the budget.
 */
export const localSection: BenchSection = {
  key: "local",
  title: "local stack idle (default config, 60 s after warm-up)",
  run: async () => {
    const stack = await startStackProcess();
    try {
      await pause(WARMUP_MS);
      const cpu0 = stack.cpuSeconds();
      const bytes0 = stack.stateBytes();
      const rss: number[] = [];
      const sizes: Array<[number, number]> = [[0, bytes0]];
      const t0 = performance.now();
      for (let i = 0; i < WINDOW_MS / 2_500; i++) {
        await pause(2_500);
        sizes.push([(performance.now() - t0) / 1000, stack.stateBytes()]);
        if (i % 2 === 1) rss.push(stack.rssMB());
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpuPctOfOneCore = round1(((stack.cpuSeconds() - cpu0) / seconds) * 100);
      const rssMB = round1(rss.reduce((a, b) => a + b, 0) / rss.length);
      // Least-squares slope of the folder size: the engine compacts every 15 s, so the trend over
      // the window, not two arbitrary points of the saw-tooth, is the growth.
      const stateGrowthMBPerHour = round1((slope(sizes) * 3600) / 1024 / 1024);
      const json = { cpuPctOfOneCore, rssMB, stateGrowthMBPerHour };
      const row = (k: keyof typeof json, unit: string): string =>
        `${k.padEnd(22)} ${String(json[k]).padStart(8)} ${unit.padEnd(6)} budget < ${LOCAL_BUDGET[k]} ${json[k] < LOCAL_BUDGET[k] ? "ok" : "OVER"}`;
      const human = [
        row("cpuPctOfOneCore", "%"),
        row("rssMB", "MB"),
        row("stateGrowthMBPerHour", "MB/h"),
        `(warm-up ${WARMUP_MS / 1000} s, window ${seconds.toFixed(0)} s, state folder ${(bytes0 / 1024 / 1024).toFixed(1)} MB at start)`,
      ].join("\n");
      return { json, human };
    } finally {
      await stack.stop();
    }
  },
};

/** Least-squares slope of y over x. */
function slope(points: ReadonlyArray<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
