import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

/** The Chromium the page tests drive (`STRATDECK_CHROMIUM`, else Debian's). */
export const CHROMIUM = process.env.STRATDECK_CHROMIUM ?? "/usr/bin/chromium";

/** Artifacts kept after the run (screenshots). */
export const ARTIFACTS = join(process.cwd(), "test-artifacts");

/**
 * Whether a page test runs: with Chromium present, and always under CI (where a missing Chromium
 * must fail, not skip). Outside CI a missing Chromium is said loudly, naming the test.
 */
export function chromiumTestsRun(what: string): boolean {
  const inCi = process.env.CI === "true" || process.env.CI === "1";
  const have = existsSync(CHROMIUM);
  if (!have && !inCi)
    console.warn(`\n!! SKIPPING ${what}: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  return have || inCi;
}

/** Headless Chromium with nothing in the background (no GPU, sync, updates or QUIC). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
