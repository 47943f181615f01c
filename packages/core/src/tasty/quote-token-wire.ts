import * as z from "zod/mini";
import "../validation/zod-english";
import type { QuoteTokenGrant } from "../dxlink/quote-token";
import { dataEnvelope, optIsoTime } from "./wire-fields";

/** Lifetime assumed when the response has no `expires-at` (tastytrade: 24 h), ms. */
export const QUOTE_TOKEN_DEFAULT_TTL_MS = 24 * 3_600_000;

/** GET /api-quote-tokens body. */
export const quoteTokenResponse = dataEnvelope(
  z.object({
    token: z.string().check(z.minLength(1)),
    "dxlink-url": z.url(),
    level: z._default(z.string(), "api"),
    "issued-at": optIsoTime,
    "expires-at": optIsoTime,
  }),
);

/** Maps the wire body to a grant; `now` stamps the expiry when the server omits it. */
export function toQuoteTokenGrant(body: z.output<typeof quoteTokenResponse>, now: number): QuoteTokenGrant {
  const d = body.data;
  return {
    token: d.token,
    dxlinkUrl: d["dxlink-url"],
    level: d.level,
    expiresAt: d["expires-at"] ?? now + QUOTE_TOKEN_DEFAULT_TTL_MS,
  };
}
