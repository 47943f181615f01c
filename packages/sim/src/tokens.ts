import { randomBytes } from "node:crypto";
import type { Clock } from "@stratdeck/core/time";

/** Why a token was refused. */
export type TokenProblem = "unknown" | "expired" | "revoked";

interface Issued {
  expiresAt: number;
  revoked: boolean;
}

/**
 * Bearer tokens with a lifetime on the market clock. Tokens are random (unguessable) and checked
 * against the issue log, so a restarted simulator refuses old ones.
 */
export class TokenBook {
  private readonly issued = new Map<string, Issued>();
  private count = 0;

  constructor(
    private readonly clock: Clock,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  /** Issues a token; returns it with its expiry (ms since epoch, market clock). */
  issue(): { token: string; issuedAt: number; expiresAt: number } {
    const token = `${this.prefix}${randomBytes(18).toString("base64url")}`;
    const issuedAt = this.clock.now();
    const expiresAt = issuedAt + this.ttlSeconds * 1000;
    this.issued.set(token, { expiresAt, revoked: false });
    this.count += 1;
    return { token, issuedAt, expiresAt };
  }

  /** Undefined when the token is valid now, else why not. */
  problem(token: string): TokenProblem | undefined {
    const t = this.issued.get(token);
    if (!t) return "unknown";
    if (t.revoked) return "revoked";
    if (this.clock.now() >= t.expiresAt) return "expired";
    return undefined;
  }

  /** Invalidates every token issued so far. */
  revokeAll(): void {
    for (const t of this.issued.values()) t.revoked = true;
  }

  /** Tokens issued since start. */
  issuedCount(): number {
    return this.count;
  }

  /** Lifetime of new tokens, seconds. */
  get ttl(): number {
    return this.ttlSeconds;
  }
}
