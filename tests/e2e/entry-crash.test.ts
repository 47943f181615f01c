import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/cli-process";
import { tempDirs } from "../support/temp-dirs";

const { fresh, cleanup } = tempDirs("stratdeck-crash-");
afterAll(cleanup);

const SLOT = "2026-12-02T10:00";
/** One strategy, so each run enters at most a couple of positions and the kill points stay few. */
const ENTER = ["enter-auto", "--slot", SLOT, "--strategy", "iron_condor_index_30d", "--json"];

interface Reservation {
  holder: string;
  state: string;
  riskCents: number;
  counted: boolean;
  keys: string[];
}

function json<T>(r: CliRun): T {
  expect(r.code, r.stdout.slice(0, 1500) + r.stderr.slice(-1500)).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const killedAfter = (n: number, stateDir: string) =>
  runCli(ENTER, { STRATDECK_STATE_DIR: stateDir, STRATDECK_TEST_KILL_AFTER_WRITES: String(n) });

describe("kill -9 at each write of an entry (real CLI processes)", () => {
  it("the next run reclaims what a killed entry held or completes it: every reservation is an open position's, the total is theirs", async () => {
    const seen: string[] = [];
    let n = 1;
    for (; n <= 40; n++) {
      const state = fresh();
      const killed = await killedAfter(n, state);
      if (killed.code !== null) {
        // Past the last write: the run finished by itself.
        expect(killed.code, killed.stderr.slice(-1500)).toBe(0);
        break;
      }
      // The next run (its start-up sweep holds the state lock: every holder is gone) enters again.
      const next = json<{
        outcomes: { status: string; positionId?: string; reasons: { code: string; message: string }[] }[];
      }>(await runCli(ENTER, { STRATDECK_STATE_DIR: state }));
      const claims = json<{ totalCents: number; reservations: Reservation[] }>(
        await runCli(["claims", "--json"], { STRATDECK_STATE_DIR: state }),
      );
      // `open` is the holder's position read back: written and open.
      const held = claims.reservations.map((r) => [r.holder, r.state]).sort();
      const opened = next.outcomes.flatMap((o) => (o.positionId ? [o.positionId] : []));
      expect(held.length).toBeGreaterThan(0);
      // Nothing held by an entry that never finished, no order without its position, and the caps'
      // claims and risk are exactly those of the open positions the runs entered.
      expect(
        held.filter(([, st]) => st !== "open"),
        `killed after write ${n}`,
      ).toEqual([]);
      expect(opened.filter((id) => !held.some(([h]) => h === id))).toEqual([]);
      expect(claims.totalCents).toBe(claims.reservations.reduce((s, r) => s + r.riskCents, 0));
      expect(claims.reservations.every((r) => r.counted && r.keys.length === 5)).toBe(true);
      // The crash never blocks the next run: no refusal names an entry that was never written.
      const refusals = next.outcomes.flatMap((o) => o.reasons.map((r) => r.message));
      expect(refusals.filter((m) => m.includes("no position written yet"))).toEqual([]);
      seen.push(`${n}:${held.length}`);
    }
    expect(n).toBeGreaterThan(10);
    console.log(
      `[entry-crash] killed at writes 1..${n - 1}; open positions after the next run: ${seen.join(" ")}`,
    );
  }, 1_800_000);
});
