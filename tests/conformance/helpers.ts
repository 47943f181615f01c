import { expect } from "vitest";
import { probeDxLink } from "@stratdeck/core/dxlink";
import type { RunningSimulator } from "@stratdeck/sim";

/** Polls until `check` is true or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 4000, what = "condition"): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One REST call with fetch (which always sends a User-Agent). */
export async function restJson(
  sim: RunningSimulator,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  authorization?: string,
): Promise<Record<string, unknown>> {
  const res = await fetch(sim.restUrl + path, {
    method,
    headers: {
      "content-type": "application/json",
      "user-agent": "stratdeck-conformance/1",
      ...(authorization ? { authorization } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

interface NestedStrike {
  "strike-price": string;
  "put-streamer-symbol": string;
}
interface NestedItem {
  "root-symbol": string;
  expirations: Array<{ "days-to-expiration": number; strikes: NestedStrike[] }>;
}

/** The put streamer symbol of `root` nearest `dte` days and nearest the money, from a nested chain body or items. */
export function nearMoneyPut(
  chain: Record<string, unknown> | unknown[],
  root: string,
  dte: number,
  spot: number,
): string {
  const items = (Array.isArray(chain) ? chain : (chain.data as { items: unknown[] }).items) as NestedItem[];
  const item = items.find((i) => i["root-symbol"] === root);
  if (!item) throw new Error(`no root ${root}`);
  const exp = [...item.expirations].sort(
    (a, b) => Math.abs(a["days-to-expiration"] - dte) - Math.abs(b["days-to-expiration"] - dte),
  )[0];
  const strike = [...(exp?.strikes ?? [])].sort(
    (a, b) => Math.abs(Number(a["strike-price"]) - spot) - Math.abs(Number(b["strike-price"]) - spot),
  )[0];
  if (!strike) throw new Error("empty chain");
  return strike["put-streamer-symbol"];
}

/**
 * Our own DXLink probe against the simulator: it must get an SPX quote within 4 s whose bid is
 * within 5 index points of the simulator's spot.
 */
export async function expectProbeQuotesSpx(sim: RunningSimulator): Promise<void> {
  const probe = await probeDxLink({
    dxlinkUrl: sim.dxlinkUrl,
    token: sim.issueQuoteToken().token,
    symbol: "SPX",
    timeoutMs: 4000,
  });
  expect(probe.error).toBeUndefined();
  expect(probe.ok).toBe(true);
  expect(Math.abs((probe.quote?.bid ?? 0) - sim.market.spot("SPX"))).toBeLessThan(5);
}
