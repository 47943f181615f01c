import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** Thrown when AWS storage is chosen but the SDK finds no credentials. */
export class AwsCredentialsMissingError extends Error {
  override readonly name = "AwsCredentialsMissingError";
}

/**
 * Resolves the client's credentials once, before any table call, so a missing AWS setup is one
 * clear error naming what to set instead of a CredentialsProviderError on every request.
 */
export async function requireAwsCredentials(doc: DynamoDBDocumentClient): Promise<void> {
  try {
    const provider = doc.config.credentials as unknown as () => Promise<{ accessKeyId?: string }>;
    const creds = await provider();
    if (!creds?.accessKeyId) throw new Error("empty credentials");
  } catch (err) {
    throw new AwsCredentialsMissingError(
      "AWS storage is chosen (STRATDECK_STORAGE=aws) but no AWS credentials were found: set AWS_PROFILE " +
        "(see `aws configure`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or unset STRATDECK_STORAGE " +
        `to keep the data in the local state folder (${(err as Error).message.split("\n")[0]})`,
    );
  }
}
