import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import type { BacktestResult } from "@stratdeck/sim/backtest";
import type { PageElement } from "../support/page-element";

/** `2025-03-03 10:00 EST` by ICU's time-zone data. */
function newYorkText(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(new Date(iso));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

const run = promisify(execFile);
const CLI = "packages/cli/bin/stratdeck.mjs";
const CHROMIUM = process.env.STRATDECK_CHROMIUM ?? "/usr/bin/chromium";
const inCi = process.env.CI === "true" || process.env.CI === "1";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !inCi)
  console.warn(
    `\n!! SKIPPING the backtest report test: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
const ARTIFACTS = join(process.cwd(), "test-artifacts");

describe.skipIf(!haveChromium && !inCi)("stratdeck backtest --html in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "stratdeck-backtest-"));
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders the equity curve, drawdown, P&L distribution and trade table with the result's values, offline", async () => {
    const html = join(dir, "report.html");
    const { stdout } = await run(
      process.execPath,
      [
        CLI,
        "backtest",
        "--from",
        "2025-03-03",
        "--to",
        "2025-03-28",
        "--seed",
        "4",
        "--json",
        "--html",
        html,
      ],
      { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, timeout: 180_000 },
    );
    const result = JSON.parse(stdout) as BacktestResult;
    expect(result.tradingDays).toBe(20);
    expect(result.trades.length).toBeGreaterThan(2);
    const source = readFileSync(html, "utf8");
    expect(source).not.toMatch(/<script|<link|src=|@import|url\(/i); // self-contained: nothing to fetch

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("file://" + html);
    expect(requests).toEqual(["file://" + html]);

    // Equity curve: one marker per session close, at the result's value, drawn higher for more equity.
    const equity = page.locator('[data-chart="equity"] circle.pt');
    expect(await equity.count()).toBe(result.equity.length);
    const drawn = await equity.evaluateAll((els: PageElement[]) =>
      els.map((e) => ({ value: Number(e.getAttribute("data-value")), y: e.getBoundingClientRect().top })),
    );
    expect(drawn.map((d) => d.value)).toEqual(result.equity.map((p) => p.equityCents / 100));
    const hi = drawn.reduce((a, b) => (b.value > a.value ? b : a));
    const lo = drawn.reduce((a, b) => (b.value < a.value ? b : a));
    if (hi.value > lo.value) expect(hi.y).toBeLessThan(lo.y);

    // Drawdown: the result's drawdown per day, never above zero.
    const dd = await page
      .locator('[data-chart="drawdown"] circle.pt')
      .evaluateAll((els: PageElement[]) => els.map((e) => Number(e.getAttribute("data-value"))));
    expect(dd).toEqual(result.equity.map((p) => (p.drawdownCents ? -p.drawdownCents / 100 : 0)));

    // Distribution: the bars count every trade once, the tallest bar is the most frequent bin.
    const bars = await page
      .locator('[data-chart="distribution"] rect.bar')
      .evaluateAll((els: PageElement[]) =>
        els.map((e) => ({
          count: Number(e.getAttribute("data-count")),
          h: e.getBoundingClientRect().height,
        })),
      );
    expect(bars.reduce((a, b) => a + b.count, 0)).toBe(result.trades.length);
    const tallest = bars.reduce((a, b) => (b.h > a.h ? b : a));
    expect(tallest.count).toBe(Math.max(...bars.map((b) => b.count)));
    expect(tallest.h).toBeGreaterThan(50);

    // Trade table: one row per trade with its net P&L.
    const rows = await page
      .locator("#trades tr.trade")
      .evaluateAll((els: PageElement[]) => els.map((e) => Number(e.getAttribute("data-net"))));
    expect(rows).toEqual(result.trades.map((t) => t.netPnlCents));
    expect(await page.textContent("#summary")).toContain(String(result.stats.overall.trades));
    // Times a person reads are New York wall time with its zone (ICU here, not the report's clock code).
    const first = result.trades[0];
    const shown = await page
      .locator('#trades tr.trade td[data-label="entry (New York)"]')
      .first()
      .textContent();
    expect(shown).toBe(first ? newYorkText(first.entry.time) : "");

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "backtest-report.png"), fullPage: true });

    // On a 390 px phone: nothing wider than the screen, the narrow charts with labels at full size,
    // the per-strategy table as one card per strategy, a line per strategy that made no trade.
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page
      .locator("html")
      .evaluate((e: PageElement & { scrollWidth: number }) => e.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    for (const kind of ["equity", "drawdown", "distribution"]) {
      expect(await page.locator(`[data-chart="${kind}"]`).isVisible()).toBe(false);
      const phone = page.locator(`[data-chart="${kind}-phone"]`);
      expect(await phone.isVisible()).toBe(true);
      const box = await phone.boundingBox();
      expect(box?.width).toBeLessThanOrEqual(390);
      const labels = await phone
        .locator("text.tick")
        .evaluateAll((els: (PageElement & { textContent: string | null })[]) =>
          els.filter((e) => (e.textContent ?? "") !== "").map((e) => e.getBoundingClientRect().height),
        );
      expect(labels.length).toBeGreaterThan(0);
      for (const h of labels) expect(h).toBeGreaterThanOrEqual(10); // ≥ 10 px tall: readable
    }
    const phoneEquity = await page
      .locator('[data-chart="equity-phone"] circle.pt')
      .evaluateAll((els: PageElement[]) => els.map((e) => Number(e.getAttribute("data-value"))));
    expect(phoneEquity).toEqual(result.equity.map((p) => p.equityCents / 100));
    const cards = await page
      .locator("#strategies tr[data-strategy]")
      .evaluateAll((els: PageElement[]) => els.map((e) => e.getBoundingClientRect().right));
    expect(cards).toHaveLength(Object.keys(result.stats.byStrategy).length);
    for (const right of cards) expect(right).toBeLessThanOrEqual(390);
    const expectancy = page
      .locator('#strategies tr[data-strategy] td[data-label="expectancy / trade"]')
      .first();
    expect(await expectancy.isVisible()).toBe(true);
    for (const n of result.noTrade) {
      const line = page.locator(`#no-trade li[data-strategy="${n.strategy}"]`);
      expect(await line.textContent()).toContain(n.reason);
    }
    await page.screenshot({ path: join(ARTIFACTS, "backtest-report-390.png"), fullPage: true });
  }, 240_000);
});
