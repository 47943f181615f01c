import * as z from "zod";
import { dataReply, HttpError } from "./envelope";
import type { Route } from "./context";

const TokenRequest = z.object({
  grant_type: z.literal("refresh_token", { message: "grant_type must be refresh_token" }),
  refresh_token: z.string({ message: "refresh_token is required" }).min(1, "refresh_token is required"),
  client_secret: z.string({ message: "client_secret is required" }).min(1, "client_secret is required"),
  client_id: z.string().optional(),
  scope: z.string().optional(),
});

/** `POST /oauth/token`: refresh-token grant; the answer is top-level, not in `data`. */
export const oauthToken: Route = {
  method: "POST",
  pattern: /^\/oauth\/token$/,
  auth: false,
  handle(req, _m, ctx) {
    const parsed = TokenRequest.safeParse(req.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        domain: i.path.join(".") || "body",
        reason: i.message,
      }));
      const credentials = issues.some((i) => i.domain === "refresh_token" || i.domain === "client_secret");
      throw new HttpError(
        credentials ? 401 : 400,
        credentials ? "invalid_credentials" : "invalid_request",
        issues.map((i) => i.reason).join("; "),
        issues,
      );
    }
    const t = ctx.accessTokens.issue();
    ctx.log.info("sim.rest.token", { expiresAt: t.expiresAt });
    return {
      status: 200,
      body: {
        access_token: t.token,
        token_type: "Bearer",
        expires_in: ctx.accessTokens.ttl,
        scope: parsed.data.scope ?? "read trade",
      },
    };
  },
};

/** `GET /api-quote-tokens`: a DXLink token pointing at this simulator. */
export const apiQuoteTokens: Route = {
  method: "GET",
  pattern: /^\/api-quote-tokens$/,
  auth: true,
  handle(_req, _m, ctx) {
    const g = ctx.issueQuoteToken();
    const issuedAt = new Date(ctx.clock.now()).toISOString();
    return dataReply(
      {
        token: g.token,
        "dxlink-url": g.dxlinkUrl,
        level: g.level,
        ...(ctx.quoteTokenWithoutExpiry
          ? {}
          : { "issued-at": issuedAt, "expires-at": new Date(g.expiresAt).toISOString() }),
      },
      "/api-quote-tokens",
    );
  },
};
