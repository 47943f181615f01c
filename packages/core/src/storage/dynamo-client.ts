import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { SdkLogger } from "../log/sdk-logger";

/** How to reach DynamoDB. `endpoint` follows the SDK convention `AWS_ENDPOINT_URL_DYNAMODB`. */
export interface DynamoConnection {
  /** Endpoint URL for a local engine; undefined means the AWS regional endpoint. */
  endpoint?: string;
  region?: string;
  /** Access key id a local engine checks (default `local`); ignored for AWS. */
  localAccessKeyId?: string;
  /** Secret a local engine verifies the request signature with (default `local`); ignored for AWS. */
  localSecretAccessKey?: string;
  /** Per-request timeout, milliseconds. */
  requestTimeoutMs?: number;
  /** SDK-level attempts (the SDK's own throttling retry); our retry wraps this. */
  maxAttempts?: number;
  /** Where the SDK and its HTTP handler log (default: nowhere); pass `sdkLogger(log)`. */
  logger?: SdkLogger;
}

const quiet: SdkLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Builds a DocumentClient. Local engines get stand-in credentials so no AWS profile is needed;
 * in AWS the default credential chain is used.
 */
export function createDocumentClient(conn: DynamoConnection = {}): DynamoDBDocumentClient {
  const local = conn.endpoint !== undefined;
  const logger = conn.logger ?? quiet;
  const client = new DynamoDBClient({
    region: conn.region ?? "us-east-1",
    maxAttempts: conn.maxAttempts ?? 3,
    logger,
    ...(local
      ? {
          endpoint: conn.endpoint,
          credentials: {
            accessKeyId: conn.localAccessKeyId ?? "local",
            secretAccessKey: conn.localSecretAccessKey ?? "local",
          },
        }
      : {}),
    requestHandler: { requestTimeout: conn.requestTimeoutMs ?? 3_000, connectionTimeout: 1_000, logger },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
