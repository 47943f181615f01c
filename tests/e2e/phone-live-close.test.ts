import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { validateConfig } from "@stratdeck/core/config";
import { enterAutomatically } from "@stratdeck/core/entry";
import { paperSettingsFromStrategies } from "@stratdeck/core/ledger";
import { silentLog } from "@stratdeck/core/log";
import { generateIdeas } from "@stratdeck/core/strategies";
import { startLocalStack, type RunningLocalStack } from "../../packages/cli/src/local/local-stack";
import { ARTIFACTS, chromiumTestsRun, launchChromium } from "../support/chromium";

describe.skipIf(!chromiumTestsRun("the phone live-close test"))(
  "phone page: closing a LIVE position (armed, simulator)",
  () => {
    const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-page-live-"));
    let stack: RunningLocalStack | null = null;
    let browser: Browser | null = null;
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
      rmSync(stateDir, { recursive: true, force: true });
    });

    it("asks twice and says it is a LIVE order; the API alone refuses without confirmLive; confirmed, the broker buys it back and the close is recorded", async () => {
      const env = validateConfig({
        STRATDECK_STATE_DIR: stateDir,
        STRATDECK_TRADING_MODE: "live",
        STRATDECK_LIVE_ARMED: "YES",
        STRATDECK_LIVE_CANCEL_AFTER_S: "2",
        STRATDECK_LIVE_POLL_MS: "100",
        STRATDECK_LIVE_WALK_STEPS: "3",
      });
      if (!env.ok) throw new Error("config");
      stack = await startLocalStack({ config: env.config, log: silentLog, apiPort: 0, seed: 5 });
      const { deps, apiUrl, token } = stack;
      // A still market: the limit (from the marked quotes) and the broker's natural price agree.
      stack.sim?.market.setWalk(false);
      // A live position, placed and filled at the simulator (as `enter-auto --confirm-live` does).
      const report = await generateIdeas(deps, {});
      const entry = await enterAutomatically(deps, report.ideas, {
        confirm: true,
        settings: paperSettingsFromStrategies(deps.strategies),
      });
      const placed = entry.outcomes.find((o) => o.status === "placed");
      if (!placed?.positionId) throw new Error(`no live entry: ${JSON.stringify(entry.outcomes)}`);
      const id = placed.positionId;
      expect((await deps.orders.getPosition(id))?.mode).toBe("live");

      // The API without the explicit confirmation: refused (the broker only dry-ran it), still open.
      const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
      const url = `${apiUrl}/positions/${encodeURIComponent(id)}/close`;
      const bare = await fetch(url, { method: "POST", headers: auth, body: "{}" });
      expect(bare.status).toBe(409);
      const body = (await bare.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("live-confirmation-required");
      expect(body.error.message).toContain("LIVE");
      expect((await deps.orders.getPosition(id))?.status).toBe("open");

      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const asked: string[] = [];
      // First round: the trader accepts the first question and backs out at the second.
      let acceptSecond = false;
      page.on("dialog", (d) => {
        asked.push(d.message());
        void (asked.length % 2 === 1 || acceptSecond ? d.accept() : d.dismiss());
      });
      await page.goto(`${apiUrl}/#token=${encodeURIComponent(token)}`);
      const button = page.locator(`#positions .card[data-id="${id}"] button.close`);
      await button.waitFor({ timeout: 90_000 });
      expect(await button.textContent()).toBe("Close LIVE");
      await button.click();
      await expect.poll(() => asked.length).toBe(2);
      expect(asked[0]).toMatch(/^LIVE order: close /);
      expect(asked[1]).toMatch(/^Second confirmation: place the LIVE closing order/);
      expect((await deps.orders.getPosition(id))?.status).toBe("open");

      // Second round: both accepted; the close goes to the broker with confirmLive and is recorded.
      acceptSecond = true;
      await button.click();
      await page.locator("#closed-pnl, #notice .err").first().waitFor({ timeout: 60_000 });
      expect(await page.locator("#notice .err").count(), (await page.textContent("#notice")) ?? "").toBe(0);
      expect(asked).toHaveLength(4);
      const closed = await deps.orders.getPosition(id);
      expect(closed).toMatchObject({ status: "closed", mode: "live", closeReason: "manual" });
      const dollars = (c: number) =>
        `${c < 0 ? "-" : ""}$${Math.abs(c / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
      expect(await page.textContent("#closed-pnl")).toContain(
        `realised net ${dollars(closed!.netPnlCents!)}`,
      );
      const orders = await deps.orders.ordersOf(id);
      expect(orders.map((o) => [o.kind, o.mode])).toEqual([
        ["open", "live"],
        ["close", "live"],
      ]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "phone-live-closed.png") });
    }, 240_000);
  },
);
