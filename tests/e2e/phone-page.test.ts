import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { startLocalStack, type RunningLocalStack } from "../../packages/cli/src/local/local-stack";

const CHROMIUM = process.env.STRATDECK_CHROMIUM ?? "/usr/bin/chromium";
const inCi = process.env.CI === "true" || process.env.CI === "1";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !inCi)
  console.warn(`\n!! SKIPPING the phone page test: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);

/** Artifacts kept after the run (screenshots). */
const ARTIFACTS = join(process.cwd(), "test-artifacts");

describe.skipIf(!haveChromium && !inCi)("phone page in headless Chromium", () => {
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
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
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
    const ideasText = await page.textContent("#ideas");
    expect(ideasText).toMatch(/POP \d+%/);
    expect(await page.textContent("#health")).toMatch(/stream:/);
    expect(await page.locator("#login").isVisible()).toBe(false);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, "phone-page.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
  }, 180_000);
});
