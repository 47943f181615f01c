import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { runJob, slotOf } from "@stratdeck/core/orchestrator";
import { startLocalStack, type RunningLocalStack } from "../../packages/cli/src/local/local-stack";
import { ARTIFACTS, chromiumTestsRun, launchChromium } from "../support/chromium";
import type { PageElement } from "../support/page-element";

describe.skipIf(!chromiumTestsRun("the phone page test"))("phone page in headless Chromium", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-page-"));
  let stack: RunningLocalStack | null = null;
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("shows positions with P&L, ideas with their reasons, alerts and stream health; screenshot kept", async () => {
    const env = validateConfig({ STRATDECK_STATE_DIR: stateDir });
    if (!env.ok) throw new Error("config");
    stack = await startLocalStack({ config: env.config, log: silentLog, apiPort: 0, seed: 5 });
    browser = await launchChromium();
    const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };

    // Without a token the page asks for one and shows no data.
    const anonymous = await browser.newPage(phone);
    await anonymous.goto(stack.apiUrl + "/");
    await anonymous.waitForSelector("#login", { state: "visible" });
    expect(await anonymous.locator("#positions .card").count()).toBe(0);
    await anonymous.close();

    // With the token (in the URL fragment, never sent to the server) the data appears.
    const page = await browser.newPage(phone);
    await page.goto(`${stack.apiUrl}/#token=${encodeURIComponent(stack.token)}`);
    // Locators, not waitForFunction: the page's CSP forbids eval.
    await page.locator("#positions .card").first().waitFor({ timeout: 90_000 });
    await page.locator("#ideas .card").first().waitFor({ timeout: 30_000 });
    const positionsText = await page.textContent("#positions");
    expect(positionsText).toMatch(/\$\d/); // P&L in dollars
    expect(positionsText).toMatch(/DTE/);
    expect(positionsText).toMatch(/% of max/);
    expect(positionsText).toMatch(/gross -?\$[\d,.]+ · fees \$[\d,.]+/);
    expect(positionsText).toMatch(/net -?\$\d/);
    const ideasText = await page.textContent("#ideas");
    expect(ideasText).toMatch(/risk-neutral POP \d+%/);
    // What each model figure measures, as core computes it: the fill against the model at the legs'
    // own IVs, and EV with POP under the stated real-world distribution (IV − 4 vol points).
    expect(ideasText).toMatch(/fill cost vs model -\$[\d,.]+/);
    expect(ideasText).toMatch(/expected P&L -?\$[\d,.]+ · POP \d+% \(IV − 4 vol pts\)/);
    expect(ideasText).toMatch(/net credit \$[\d,.]+ after fees \$[\d,.]+ · RoR \d+%/);
    expect(ideasText).not.toMatch(/ old ago|\bEV\b/);
    const healthText = await page.textContent("#health");
    expect(healthText).toMatch(/stream:/);
    // One line per scheduled job, as /health lists them.
    for (const job of ["ideas", "exits", "health", "settle", "reconcile"])
      expect(healthText).toMatch(new RegExp(`job ${job}: (ok|FAIL|not yet)`));
    expect(await page.locator("#login").isVisible()).toBe(false);

    // History: close a position through the API, then the page draws the equity curve of what
    // GET /history returned (the same values, point by point).
    const auth = { Authorization: `Bearer ${stack.token}` };
    const id = await page.locator("#positions .card").first().getAttribute("data-id");
    const closed = await fetch(`${stack.apiUrl}/positions/${encodeURIComponent(id!)}/close`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(closed.status).toBe(200);
    const history = (await (await fetch(`${stack.apiUrl}/history`, { headers: auth })).json()) as {
      totals: { trades: number; netCents: number };
      equityCurve: { cumulativeNetCents: number }[];
    };
    expect(history.totals.trades).toBeGreaterThan(0);
    await page.click("#refresh");
    await page.locator("#equity circle").first().waitFor({ timeout: 30_000 });
    const expected = history.equityCurve.map((p) => String(p.cumulativeNetCents));
    expect(await page.getAttribute("#equity", "data-values")).toBe(expected.join(","));
    const drawn = await page
      .locator("#equity circle")
      .evaluateAll((cs: PageElement[]) => cs.map((c) => c.getAttribute("data-cents")));
    expect(drawn).toEqual(expected);
    expect(await page.locator("#equity polyline").getAttribute("points")).toMatch(
      /^[\d.]+,[\d.]+( [\d.]+,[\d.]+)+$/,
    );
    const dollars = (c: number) =>
      `${c < 0 ? "-" : ""}$${Math.abs(c / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    expect(await page.textContent("#history-totals")).toContain(`net ${dollars(history.totals.netCents)}`);
    expect(await page.textContent("#history-totals")).toMatch(/^\s*\d+ trades?/);
    expect(await page.textContent("#history-totals")).not.toMatch(/\b1 trades\b/);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, "phone-page.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
  }, 180_000);

  it("closes a position on the phone (realised P&L shown), the next entry slot does not reopen it, Enter enters a chosen idea", async () => {
    if (!stack || !browser) throw new Error("the first test starts the stack");
    const { deps, apiUrl, token } = stack;
    const auth = { Authorization: `Bearer ${token}` };
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${apiUrl}/#token=${encodeURIComponent(token)}`);
    // The SD needs the short leg's IV (streamed Greeks); the page polls every 15 s, and a card
    // shows points alone until the IV is known, so wait for a card that has it.
    const card = page.locator("#positions .card[data-id]", { hasText: / SD\)/ }).first();
    await card.waitFor({ timeout: 90_000 });
    const id = (await card.getAttribute("data-id"))!;
    const cardText = await card.textContent();
    // At a glance: index price, distance to each short strike in points and SD, max loss, nearest exit.
    expect(cardText).toMatch(/(SPX|XSP|RUT|NDX) [\d.]+/);
    expect(cardText).toMatch(/short \d+[CP] [+−][\d.]+ pts \(-?[\d.]+ SD\)/);
    expect(cardText).toMatch(/max loss \$[\d,.]+/);
    expect(cardText).toMatch(/nearest exit: (exit at \d+ DTE|profit target|stop at a loss)/);
    const before = await deps.orders.getPosition(id);
    if (!before) throw new Error("position");

    // Close on the phone: the confirmation shows the realised P&L the order log recorded.
    await card.locator("button.close").click();
    await page.locator("#closed-pnl").waitFor({ timeout: 30_000 });
    const closed = await deps.orders.getPosition(id);
    expect(closed?.status).toBe("closed");
    const dollars = (c: number) =>
      `${c < 0 ? "-" : ""}$${Math.abs(c / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    expect(await page.textContent("#closed-pnl")).toContain(`realised net ${dollars(closed!.netPnlCents!)}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "phone-closed.png") });

    // The next entry slot: the same strategy, underlying and expiration is not reopened.
    const slot = slotOf(deps.clock.now() + 31 * 60_000, 1);
    const run = (await runJob(deps, { job: "ideas", slot, at: deps.clock.now() })) as {
      outcomes: { ideaId: string; status: string; reasons: { code: string }[] }[];
    };
    const exposure = `${before.strategy}|${before.underlying}|`;
    const same = (p: { strategy: string; underlying: string; expiration: string }) =>
      p.strategy === before.strategy &&
      p.underlying === before.underlying &&
      p.expiration === before.expiration;
    expect((await deps.orders.listOpenPositions()).filter(same)).toEqual([]);
    const held = run.outcomes.find(
      (o) => o.ideaId.startsWith(exposure) && o.ideaId.includes(before.expiration),
    );
    expect(held?.status).toBe("skipped");
    expect(held?.reasons.map((r) => r.code)).toContain("closed-by-hand");

    // Enter one chosen idea from the page: the same trade, by hand this time. A reload (not the
    // Refresh button) so no re-render of the ideas races the click below.
    await page.reload();
    const ideas = (await (await fetch(`${apiUrl}/ideas`, { headers: auth })).json()) as {
      ideas: { id: string; strategy: string; underlying: string; expiration: string }[];
    };
    const chosen = ideas.ideas.find((i) => i.id === held!.ideaId);
    if (!chosen) throw new Error("the held idea is in the report");
    const enter = page.locator(`#ideas .card[data-idea="${chosen.id}"] button.enter`);
    await enter.waitFor({ timeout: 60_000 });
    await enter.click();
    // Either outcome ends the wait; a refusal fails with the page's own words.
    await page.locator("#entered, #notice .err").first().waitFor({ timeout: 60_000 });
    expect(await page.locator("#notice .err").count(), (await page.textContent("#notice")) ?? "").toBe(0);
    expect(await page.textContent("#entered")).toMatch(/^entered: /);
    const reopened = (await deps.orders.listOpenPositions()).filter(same);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]?.idempotencyKey).toMatch(/^manual\|/);
    // Now that it is open, the same idea is marked as a duplicate (no Enter button).
    await page.click("#refresh");
    await page.locator(`#ideas .card[data-idea="${chosen.id}"] .dup-note`).waitFor({ timeout: 30_000 });
    expect(await page.locator(`#ideas .card[data-idea="${chosen.id}"] button.enter`).count()).toBe(0);
    await page.locator("#modes").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "phone-ideas.png") });
  }, 180_000);
});
