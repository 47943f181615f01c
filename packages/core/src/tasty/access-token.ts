import type { Clock } from "../time/clock";
import type { AccessToken } from "./oauth-wire";

/** Renew an access token when less than this is left, ms (tastytrade tokens live 15 min). */
export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/**
 * Holds the OAuth access token and renews it before it expires: when less than
 * min(margin, half its lifetime) is left. Single-flight: concurrent callers share one refresh.
 */
export class AccessTokenManager {
  private current: AccessToken | null = null;
  private inflight: Promise<string> | null = null;
  /** Number of refreshes performed (for health and tests). */
  refreshes = 0;

  constructor(
    private readonly fetchToken: () => Promise<AccessToken>,
    private readonly clock: Clock,
    private readonly marginMs: number = DEFAULT_REFRESH_MARGIN_MS,
  ) {}

  /** A valid access token, refreshing first when it is missing or about to expire. */
  async get(): Promise<string> {
    const t = this.current;
    if (t && t.expiresAt - this.clock.now() > Math.min(this.marginMs, t.lifetimeMs / 2)) return t.token;
    return this.refresh();
  }

  /** Refreshes now (joining a refresh already in flight). */
  refresh(): Promise<string> {
    this.inflight ??= this.fetchToken()
      .then((t) => {
        this.current = t;
        this.refreshes += 1;
        return t.token;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** Drops `token` after the server rejected it (no-op when a newer token already replaced it). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  /** Expiry of the current token, ms since epoch, or null before the first refresh. */
  expiresAt(): number | null {
    return this.current?.expiresAt ?? null;
  }
}
