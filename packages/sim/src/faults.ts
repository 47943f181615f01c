import type { Log } from "@stratdeck/core/log";
import type { SimFaults } from "./types";

/** A probability kept inside 0..1 (NaN counts as 0). */
function clampRate(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

/** What the fault knobs need from the DXLink side. */
export interface SessionControl {
  closeAll(code: number, reason: string): void;
  revokeQuoteTokens(): void;
  injectMalformed(count: number): void;
  switchDataFormat(format: "FULL" | "COMPACT"): void;
}

/**
 * Fault knobs shared by the REST and DXLink sides. REST reads the state on every request; the
 * DXLink side reads `silenced`/`authRejected` on every frame and is driven through `SessionControl`.
 */
export class FaultState implements SimFaults {
  silenced = false;
  eventsStopped = false;
  authRejected = false;
  garbageOn = false;
  slowMs = 0;
  /** Upper-cased symbols answered with 429. */
  readonly limitedSymbols = new Set<string>();
  /** True while a `rateLimit({forMs})` period runs. */
  limitedAll = false;
  /** Malformed frames each new socket gets after AUTHORIZED (CLI `--malformed`). */
  malformedOnConnect = 0;
  /**
   * Share (0..1) of AUTHs arriving before the server's AUTH_STATE that are refused with the ERROR
   * `AuthException: Session not found: api`, as tastytrade does under load (tastyware/tastytrade#339;
   * tastytrade support in #338). 0 by default: the real server usually accepts an early AUTH, and
   * both official clients send one (the fact sheet's 2026-12-06 correction).
   */
  earlyAuthDropRate: number;
  private readonly defaultDropRate: number;
  private limitTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly control: SessionControl,
    private readonly log: Log,
    earlyAuthDropRate = 0,
    private readonly random: () => number = () => Math.random(),
  ) {
    this.earlyAuthDropRate = this.defaultDropRate = clampRate(earlyAuthDropRate);
  }

  earlyAuth(mode: "drop" | "accept", probability = 1): void {
    const rate = mode === "drop" ? clampRate(probability) : 0;
    this.log.warn("sim.fault", { fault: "early-auth", mode, probability: rate });
    this.earlyAuthDropRate = rate;
  }

  /** Draws whether this early AUTH is refused (always at rate 1, never at 0). */
  dropsEarlyAuth(): boolean {
    const rate = this.earlyAuthDropRate;
    return rate >= 1 || (rate > 0 && this.random() < rate);
  }

  switchToFull(): void {
    this.log.warn("sim.fault", { fault: "switch-to-full" });
    this.control.switchDataFormat("FULL");
  }

  closeAll(code = 1012, reason = "SERVICE_RESTART"): void {
    this.log.warn("sim.fault", { fault: "close-all", code, reason });
    this.control.closeAll(code, reason);
  }

  silence(on: boolean): void {
    this.log.warn("sim.fault", { fault: "silence", on });
    this.silenced = on;
  }

  stopEvents(on: boolean): void {
    this.log.warn("sim.fault", { fault: "stop-events", on });
    this.eventsStopped = on;
  }

  rejectAuth(on: boolean): void {
    this.log.warn("sim.fault", { fault: "reject-auth", on });
    this.authRejected = on;
  }

  expireQuoteTokens(): void {
    this.log.warn("sim.fault", { fault: "expire-quote-tokens" });
    this.control.revokeQuoteTokens();
  }

  malformedFrames(count: number): void {
    this.log.warn("sim.fault", { fault: "malformed", count });
    this.control.injectMalformed(Math.max(0, Math.floor(count)));
  }

  rateLimit(opts: { symbols?: string[]; forMs?: number }): void {
    this.log.warn("sim.fault", { fault: "rate-limit", symbols: opts.symbols, forMs: opts.forMs });
    for (const s of opts.symbols ?? []) this.limitedSymbols.add(s.trim().toUpperCase());
    if (opts.forMs !== undefined && opts.forMs > 0) {
      this.limitedAll = true;
      clearTimeout(this.limitTimer);
      this.limitTimer = setTimeout(() => {
        this.limitedAll = false;
      }, opts.forMs);
      this.limitTimer.unref();
    }
  }

  slow(ms: number): void {
    this.log.warn("sim.fault", { fault: "slow", ms });
    this.slowMs = Math.max(0, ms);
  }

  garbage(on: boolean): void {
    this.log.warn("sim.fault", { fault: "garbage", on });
    this.garbageOn = on;
  }

  clear(): void {
    this.silenced = false;
    this.eventsStopped = false;
    this.authRejected = false;
    this.garbageOn = false;
    this.slowMs = 0;
    this.limitedSymbols.clear();
    this.limitedAll = false;
    this.malformedOnConnect = 0;
    this.earlyAuthDropRate = this.defaultDropRate;
    clearTimeout(this.limitTimer);
  }

  /** True when a request touching these symbols must be answered 429. */
  isRateLimited(symbols: readonly string[]): boolean {
    return this.limitedAll || symbols.some((s) => this.limitedSymbols.has(s.trim().toUpperCase()));
  }
}
