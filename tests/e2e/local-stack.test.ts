import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateConfig } from "@stratdeck/core/config";
import { silentLog } from "@stratdeck/core/log";
import { startLocalStack, type RunningLocalStack } from "../../packages/cli/src/local/local-stack";

const ROUTES: Array<[string, string]> = [
  ["GET", "/positions"],
  ["GET", "/orders"],
  ["GET", "/ideas"],
  ["GET", "/health"],
  ["GET", "/alerts"],
  ["POST", "/positions/pos_x/close"],
];

async function waitFor<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("local stack end to end (embedded engine, simulator, stream, scheduler, HTTP API)", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-e2e-"));
  let stack: RunningLocalStack | null = null;
  afterAll(async () => {
    await stack?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });
  const start = async (): Promise<RunningLocalStack> => {
    const env = validateConfig({ STRATDECK_STATE_DIR: stateDir });
    if (!env.ok) throw new Error("config");
    return startLocalStack({ config: env.config, log: silentLog, apiPort: 0, seed: 3 });
  };

  it("refuses every route without the token and serves positions after the first scan's trade; a restart keeps them", async () => {
    stack = await start();
    const { apiUrl, token } = stack;
    for (const [method, path] of ROUTES) {
      const none = await fetch(apiUrl + path, { method });
      expect(none.status, `${method} ${path} without token`).toBe(401);
      const wrong = await fetch(apiUrl + path, {
        method,
        headers: { authorization: "Bearer not-the-token-at-all" },
      });
      expect(wrong.status, `${method} ${path} with a wrong token`).toBe(401);
    }
    const page = await fetch(apiUrl + "/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>StratDeck</title>");

    const auth = { authorization: `Bearer ${token}` };
    const positions = await waitFor("a paper position", async () => {
      const r = await fetch(apiUrl + "/positions", { headers: auth });
      expect(r.status).toBe(200);
      const body = (await r.json()) as { positions: Array<{ positionId: string; status: string }> };
      return body.positions.length > 0 ? body.positions : null;
    });
    expect(positions[0]!.positionId).toMatch(/^pos_/);
    const orders = (await (await fetch(apiUrl + "/orders", { headers: auth })).json()) as {
      orders: unknown[];
    };
    expect(orders.orders.length).toBeGreaterThanOrEqual(positions.length);

    const ids = positions.map((p) => p.positionId).sort();
    await stack.stop();
    stack = await start();
    const after = (await (
      await fetch(stack.apiUrl + "/positions", { headers: { authorization: `Bearer ${stack.token}` } })
    ).json()) as {
      positions: Array<{ positionId: string }>;
    };
    expect(stack.token).toBe(token);
    expect(after.positions.map((p) => p.positionId).sort()).toEqual(expect.arrayContaining(ids));
  }, 180_000);
});
