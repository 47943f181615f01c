import * as z from "zod/mini";
import "../validation/zod-english";

/** Access-token lifetime assumed when `expires_in` is absent: tastytrade's 15 minutes, seconds. */
export const DEFAULT_ACCESS_TOKEN_EXPIRES_IN = 900;

/**
 * POST /oauth/token response (top level, not wrapped in `data`). Only `access_token` and
 * `expires_in` (seconds, default 900 as tastyware's Python SDK assumes) are relied on; other keys
 * are unconfirmed and ignored.
 */
const expiresIn = z.pipe(
  z.optional(
    z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)), z.null()]),
  ),
  z.transform((v: number | null | undefined) => v ?? DEFAULT_ACCESS_TOKEN_EXPIRES_IN),
);

export const accessTokenResponse = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.pipe(expiresIn, z.number().check(z.positive())),
  token_type: z.optional(z.string()),
});

/** An access token with its expiry. */
export interface AccessToken {
  token: string;
  /** Expiry, ms since epoch (by the client's clock). */
  expiresAt: number;
  /** Lifetime granted, ms. */
  lifetimeMs: number;
}
