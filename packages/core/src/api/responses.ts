import type * as z from "zod/mini";
import type { ApiResponse, RouteResult } from "./api-types";
import { errorBody } from "./error-body";

export { isoTimes, jsonText } from "./json-times";

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
} as const;

/** A JSON response (the body is serialised by the server that sends it). */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

export { errorBody, type ErrorBody } from "./error-body";

/** A JSON error response. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): ApiResponse {
  return jsonResponse(status, errorBody(code, message, details), headers);
}

/** A route's error result (same body shape as {@link errorResponse}). */
export function routeError(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): RouteResult {
  return { status, body: errorBody(code, message, details) };
}

/** The 401 every request without the right bearer token gets. */
export function unauthorizedResponse(): ApiResponse {
  return errorResponse(
    401,
    "unauthorized",
    "missing or wrong bearer token",
    {},
    { "www-authenticate": "Bearer" },
  );
}

/** Every problem of a failed validation, each naming its field, e.g. `query.limit: must be …`. */
export function describeZodError(part: string, err: z.core.$ZodError): string {
  return err.issues
    .map((i) => {
      const where = [part, ...i.path.map(String)].join(".");
      return `${where}: ${i.message}`;
    })
    .join("; ");
}
