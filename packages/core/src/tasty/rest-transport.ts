import { TastyApiError } from "./tasty-api-error";
import { CERTIFICATION_REST_URL, TASTY_API_VERSION, USER_AGENT } from "./rest-base-url";

/** One HTTP exchange with tastytrade. */
export interface RestRequest {
  method: "GET" | "POST" | "DELETE";
  /** Path with query string, e.g. `/market-metrics?symbols=SPX`. */
  path: string;
  /** `METHOD /path` used in errors and logs. */
  endpoint: string;
  /** JSON body for POST. */
  body?: unknown;
  /** Bearer access token; absent for /oauth/token. */
  accessToken?: string;
  /** Request deadline, ms. */
  timeoutMs: number;
}

/** Raw answer: status and body text (parsed by the caller). */
export interface RestResponse {
  status: number;
  text: string;
}

/**
 * Sends one request with the mandatory User-Agent, the pinned `Accept-Version` and a deadline covering headers and body.
 * No response (deadline, refused, reset) becomes a `timeout` / `network` TastyApiError.
 */
export async function sendRest(
  fetchFn: typeof fetch,
  baseUrl: string,
  req: RestRequest,
): Promise<RestResponse> {
  const headers: Record<string, string> = {
    "User-Agent": USER_AGENT,
    Accept: "application/json",
  };
  // tastyware's Python SDK leaves the header out on the certification host ("not accepted in sandbox").
  if (baseUrl !== CERTIFICATION_REST_URL) headers["Accept-Version"] = TASTY_API_VERSION;
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  if (req.accessToken) headers.Authorization = `Bearer ${req.accessToken}`;
  try {
    const res = await fetchFn(baseUrl + req.path, {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError" || e.name === "AbortError") {
      throw new TastyApiError({
        kind: "timeout",
        endpoint: req.endpoint,
        message: `no response within ${req.timeoutMs} ms`,
      });
    }
    const cause = e.cause?.code ?? e.cause?.message ?? e.message;
    throw new TastyApiError({ kind: "network", endpoint: req.endpoint, message: `request failed: ${cause}` });
  }
}

/** Joins comma-list query parameters, encoding each symbol (spaces as %20) but not the commas. */
export function commaQuery(params: ReadonlyArray<readonly [string, readonly string[]]>): string {
  const parts = params
    .filter(([, values]) => values.length > 0)
    .map(([k, values]) => `${encodeURIComponent(k)}=${values.map(encodeURIComponent).join(",")}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
