import type { TastyConfig } from "../config/app-config";

/** tastytrade production REST host. */
export const PRODUCTION_REST_URL = "https://api.tastyworks.com";
/** tastytrade certification (sandbox) REST host. */
export const CERTIFICATION_REST_URL = "https://api.cert.tastyworks.com";

/** StratDeck's version, sent in the mandatory User-Agent. */
export const STRATDECK_VERSION = "0.1.0";
/** The User-Agent tastytrade requires on every call (missing/malformed → 401). */
export const USER_AGENT = `stratdeck/${STRATDECK_VERSION}`;

/**
 * The API version StratDeck is written against, sent as `Accept-Version` on every call so order
 * endpoints are not served at the unversioned default tastytrade announced for removal (April
 * 2027). tastyware's Python SDK pins the same date (`20251101`); format YYYYMMDD.
 */
export const TASTY_API_VERSION = "20251101";

/** Which tastytrade environment a config points at. */
export type TastyEnvironment = "production" | "certification" | "custom";

/** REST base URL (no trailing slash): explicit `apiUrl` (simulator), else certification or production. */
export function restBaseUrl(tasty: Pick<TastyConfig, "isTest" | "apiUrl">): string {
  const url = tasty.apiUrl ?? (tasty.isTest ? CERTIFICATION_REST_URL : PRODUCTION_REST_URL);
  return url.replace(/\/+$/, "");
}

/** The environment `restBaseUrl` resolves to. */
export function tastyEnvironment(tasty: Pick<TastyConfig, "isTest" | "apiUrl">): TastyEnvironment {
  if (tasty.apiUrl) return "custom";
  return tasty.isTest ? "certification" : "production";
}
