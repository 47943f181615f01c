import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { BacktestResult } from "@stratdeck/sim/backtest";

const run = promisify(execFile);
const CLI = "packages/cli/bin/stratdeck.mjs";
const dir = mkdtempSync(join(tmpdir(), "stratdeck-history-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 2025-03-03 … 2025-03-07 (Mon–Fri), a made-up week.
const DAYS = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"];
const spxRows = DAYS.map((d, i) => `${d},${6000 + i},${6030 + i},${5970 + i},${6010 + i},${6010 + i},1`);
const vixRows = DAYS.map((d) => `${d.slice(5, 7)}/${d.slice(8)}/${d.slice(0, 4)},18,19,17,18`);
const SPX = ["Date,Open,High,Low,Close,Adj Close,Volume", ...spxRows].join("\n");
const VIX = ["DATE,OPEN,HIGH,LOW,CLOSE", ...vixRows].join("\n");

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Exit code and what was printed (with --json an error is JSON on stdout, else text on stderr). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, "backtest", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    const stdout = e.stdout ?? "";
    const stderr = `${e.stderr ?? ""}${stdout.startsWith("{") ? (JSON.parse(stdout) as { message?: string }).message : ""}`;
    return { code: e.code ?? 1, stdout, stderr };
  }
}

describe("stratdeck backtest --history: bad input exits 2 naming the file and line, nothing written", () => {
  const vix = file("vix.csv", VIX);
  const out = join(dir, "out");
  const outputs = (): string[] => readdirSync(dir).filter((f) => f.startsWith("report"));

  it.each([
    [
      "missing day",
      SPX.replace(`${spxRows[2]}\n`, ""),
      VIX,
      "spx-missing.csv:4: missing trading day 2025-03-05",
    ],
    [
      "duplicated date",
      `${SPX}\n${spxRows[4] ?? ""}`,
      VIX,
      "spx-dup.csv:7: duplicated date 2025-03-07 (also on line 6)",
    ],
    [
      "negative price",
      SPX.replace("5971,", "-5971,"),
      VIX,
      "spx-neg.csv:3: low -5971 is not a positive price",
    ],
    ["vol not covering", SPX, VIX.replace(`\n${vixRows[4] ?? ""}`, ""), "does not cover the replay"],
  ])(
    "%s",
    async (name, spxText, vixText, message) => {
      const tag = {
        "missing day": "missing",
        "duplicated date": "dup",
        "negative price": "neg",
        "vol not covering": "cover",
      }[name];
      const spx = file(`spx-${tag}.csv`, spxText);
      const vol = file(`vix-${tag}.csv`, vixText);
      const r = await cli([
        "--history",
        spx,
        "--vol",
        vol,
        "--html",
        join(dir, "report.html"),
        "--json",
        join(dir, "report.json"),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      if (name === "vol not covering")
        expect(r.stderr).toContain(
          `vix-cover.csv:5: does not cover the replay of ${join(dir, "spx-cover.csv")}: it ends on 2025-03-06, the replay on 2025-03-07`,
        );
      expect(outputs()).toEqual([]);
    },
    120_000,
  );

  it("an unknown sweep key exits 2 naming it, before any run", async () => {
    const spx = file("spx.csv", SPX);
    const r = await cli([
      "--history",
      spx,
      "--vol",
      vix,
      "--sweep",
      "filters.min_gamma=1,2",
      "--html",
      join(dir, "report.html"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sweep key "filters.min_gamma" is not a numeric rule');
    expect(outputs()).toEqual([]);
  }, 120_000);

  it("--html or --json into a folder that does not exist exits 2 before any work", async () => {
    const spx = file("spx.csv", SPX);
    const html = await cli(["--history", spx, "--vol", vix, "--html", join(out, "r.html")]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain(`--html ${join(out, "r.html")}: folder ${out} does not exist`);
    const json = await cli(["--from", "2025-01-02", "--to", "2025-12-31", "--json", join(out, "r.json")]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain(`folder ${out} does not exist`);
    expect(json.stdout).not.toContain('"trades"'); // no result: the year was not run first
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it("replays the week, writes the JSON to a file and still prints the text summary", async () => {
    const spx = file("spx.csv", SPX);
    const json = join(dir, "report.json");
    const r = await cli(["--history", spx, "--vol", vix, "--json", json]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^backtest 2025-03-03 \.\. 2025-03-07: 5 trading days, history, path seed 1/);
    expect(r.stdout).toContain(`json: ${json}`);
    const result = JSON.parse(
      await import("node:fs").then((fs) => fs.readFileSync(json, "utf8")),
    ) as BacktestResult;
    expect(result.market).toBe("history");
    expect(result.buyAndHold.closes).toEqual([6010, 6011, 6012, 6013, 6014]);
    for (const n of result.noTrade) expect(r.stdout).toContain(`${n.strategy}`);
  }, 240_000);
});
