import * as z from "zod";

/** Access-token lifetime assumed when `expires_in` is absent: tastytrade's 15 minutes, seconds. */
export const DEFAULT_ACCESS_TOKEN_EXPIRES_IN = 900;

/**
 * POST /oauth/token response (top level, not wrapped in `data`). Only `access_token` and
 * `expires_in` (seconds, default 900 as tastyware's Python SDK assumes) are relied on; other keys
 * are unconfirmed and ignored.
 */
export const accessTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z
    .union([z.number(), z.string().regex(/^\d+$/).transform(Number), z.null()])
    .optional()
    .transform((v) => v ?? DEFAULT_ACCESS_TOKEN_EXPIRES_IN)
    .pipe(z.number().positive()),
  token_type: z.string().optional(),
});

/** An access token with its expiry. */
export interface AccessToken {
  token: string;
  /** Expiry, ms since epoch (by the client's clock). */
  expiresAt: number;
  /** Lifetime granted, ms. */
  lifetimeMs: number;
}
