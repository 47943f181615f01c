import * as z from "zod";

/**
 * POST /oauth/token response (top level, not wrapped in `data`). Only `access_token` and
 * `expires_in` (seconds) are relied on; other keys are unconfirmed and ignored.
 */
export const accessTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().positive()),
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
