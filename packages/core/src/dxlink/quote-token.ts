import type { Log } from "../log/log";
import { registerSecret } from "../log/secret-registry";
import type { Clock } from "../time/clock";

/** A DXLink quote token as granted by `GET /api-quote-tokens`. */
export interface QuoteTokenGrant {
  /** Opaque token (secret: never logged). */
  token: string;
  /** WebSocket URL to use with this token. */
  dxlinkUrl: string;
  /** Entitlement level, e.g. `api` (or `demo`). */
  level: string;
  /** Expiry, ms since epoch (tastytrade grants 24 h). */
  expiresAt: number;
}

/** Port: where quote tokens come from (the tastytrade REST client, or the simulator). */
export interface QuoteTokenSource {
  fetch(): Promise<QuoteTokenGrant>;
}

/**
 * Holds the current quote token: fetches one when there is none, when it was rejected
 * ({@link invalidate}) or when it expires within `refreshBeforeMs`.
 */
export class QuoteTokenKeeper {
  private grant: QuoteTokenGrant | null = null;
  /** Tokens fetched since start. */
  fetches = 0;

  constructor(
    private readonly source: QuoteTokenSource,
    private readonly clock: Clock,
    private readonly log: Log,
    /** How long before expiry a token is replaced, ms. */
    readonly refreshBeforeMs = 10 * 60_000,
  ) {}

  /** The token in use, if any. */
  current(): QuoteTokenGrant | null {
    return this.grant;
  }

  /** A usable token: the cached one unless missing, rejected or near expiry. */
  async get(): Promise<QuoteTokenGrant> {
    if (this.grant && this.grant.expiresAt - this.clock.now() > this.refreshBeforeMs) return this.grant;
    return this.refresh();
  }

  /** Fetches a new token now. */
  async refresh(): Promise<QuoteTokenGrant> {
    try {
      const g = await this.source.fetch();
      registerSecret(g.token);
      this.grant = g;
      this.fetches++;
      this.log.info("dxlink.auth", {
        event: "token-fetched",
        grantLevel: g.level,
        expiresAt: new Date(g.expiresAt).toISOString(),
        fetches: this.fetches,
      });
      return g;
    } catch (err) {
      this.log.warn("dxlink.auth", { event: "token-fetch-failed", error: err as Error });
      throw err;
    }
  }

  /** Marks the current token as rejected: the next {@link get} fetches a new one. */
  invalidate(): void {
    this.grant = null;
  }

  /** When the current token should be replaced, ms since epoch (null without a token). */
  refreshDueAt(): number | null {
    return this.grant ? this.grant.expiresAt - this.refreshBeforeMs : null;
  }
}
