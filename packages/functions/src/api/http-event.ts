import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { ApiRequest, ApiResponse } from "@stratdeck/core/api";
import { describeZodError, jsonText } from "@stratdeck/core/api/responses";
import "@stratdeck/core/validation/zod-english";
import * as z from "zod/mini";

/** The parts of an API Gateway HTTP API (payload format 2.0) event the route table uses. */
const HttpApiEvent = z.object({
  rawPath: z.string().check(z.startsWith("/")),
  headers: z.optional(z.record(z.string(), z.string())),
  queryStringParameters: z.optional(z.record(z.string(), z.string())),
  body: z.optional(z.string()),
  isBase64Encoded: z.optional(z.boolean()),
  requestContext: z.object({ http: z.object({ method: z.string().check(z.minLength(1)) }) }),
});

/** An API Gateway v2 event as an {@link ApiRequest}, or a message naming the bad field. */
export function toApiRequest(
  event: unknown,
): { ok: true; request: ApiRequest } | { ok: false; message: string } {
  const r = HttpApiEvent.safeParse(event);
  if (!r.success) return { ok: false, message: describeZodError("event", r.error) };
  const e = r.data;
  const body =
    e.body !== undefined && e.isBase64Encoded ? Buffer.from(e.body, "base64").toString("utf8") : e.body;
  return {
    ok: true,
    request: {
      method: e.requestContext.http.method,
      path: e.rawPath,
      headers: e.headers ?? {},
      query: e.queryStringParameters ?? {},
      ...(body !== undefined ? { body } : {}),
    },
  };
}

/** An {@link ApiResponse} as the Lambda result API Gateway expects. */
export function toLambdaResult(res: ApiResponse): APIGatewayProxyStructuredResultV2 {
  return { statusCode: res.status, headers: res.headers, body: jsonText(res.body) };
}
