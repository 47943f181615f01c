/** An API Gateway HTTP API event, payload format 2.0, as API Gateway sends it. */
export function httpApiEvent(
  method: string,
  path: string,
  options: {
    headers?: Record<string, string>;
    query?: Record<string, string>;
    body?: string;
    base64?: boolean;
  } = {},
) {
  const query = options.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: "2.0",
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers: {
      "content-length": "0",
      host: "abc123.execute-api.us-east-1.amazonaws.com",
      ...(options.headers ?? {}),
    },
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "curl/8.5.0" },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: `${method} ${path}`,
      stage: "$default",
      time: "25/Nov/2026:15:00:00 +0000",
      timeEpoch: 1_795_618_800_000,
    },
    ...(options.body !== undefined
      ? {
          body: options.base64 ? Buffer.from(options.body, "utf8").toString("base64") : options.body,
          isBase64Encoded: options.base64 === true,
        }
      : { isBase64Encoded: false }),
  };
}

/** An HTTP API Lambda authorizer event (payload 2.0). */
export function authorizerEvent(headers: Record<string, string>) {
  return {
    version: "2.0",
    type: "REQUEST",
    routeArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/$default/GET/positions",
    identitySource: headers.authorization ? [headers.authorization] : [],
    routeKey: "GET /positions",
    rawPath: "/positions",
    rawQueryString: "",
    headers,
    requestContext: { http: { method: "GET", path: "/positions" } },
  };
}

/** An EventBridge scheduled event ("Scheduled Event" from a rule) at `time`. */
export function scheduledEvent(time: string, detail: Record<string, unknown> = {}) {
  return {
    version: "0",
    id: "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "123456789012",
    time,
    region: "us-east-1",
    resources: ["arn:aws:events:us-east-1:123456789012:rule/stratdeck"],
    detail,
  };
}

/** What EventBridge Scheduler sends our job functions (the Input template in stacks/jobs.ts, filled in). */
export function schedulerEvent(time: string, job: string) {
  return {
    version: "0",
    id: "d32c5kddcf5bb8c3",
    "detail-type": "Scheduled Event",
    source: "aws.scheduler",
    time,
    resources: ["arn:aws:scheduler:us-east-1:123456789012:schedule/default/IdeasJobSchedule"],
    detail: { job },
  };
}
