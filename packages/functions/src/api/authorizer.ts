import { isAuthorized } from "@stratdeck/core/api/auth";
import { lambdaEnv } from "../shared/lambda-env";

/**
 * The headers of an HTTP API authorizer event (payload 2.0), or null when they are not a map of
 * strings. Checked by hand rather than with zod: zod would be ~95% of this bundle, and this
 * function's cold start sits in front of every uncached request (see bench `handlers`).
 */
function headersOf(event: unknown): Record<string, string> | null {
  const headers = (event as { headers?: unknown } | null)?.headers ?? {};
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) return null;
  const entries = Object.entries(headers);
  return entries.every(([, v]) => typeof v === "string") ? Object.fromEntries(entries) : null;
}

/**
 * HTTP API Lambda authorizer (simple responses): allows a request whose `Authorization: Bearer`
 * token equals the STRATDECK_API_TOKEN secret (constant-time compare). API Gateway caches the
 * answer per token for 5 minutes, answers 401 itself when the header is missing and 403 on a deny.
 */
export const handler = async (event: unknown): Promise<{ isAuthorized: boolean }> => {
  const headers = headersOf(event);
  if (!headers) return { isAuthorized: false };
  return { isAuthorized: isAuthorized((await lambdaEnv()).STRATDECK_API_TOKEN, headers) };
};
