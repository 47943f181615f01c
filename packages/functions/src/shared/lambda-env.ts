import { registerSecret } from "@stratdeck/core/log";
import { credentialsFromEnv } from "./sigv4";
import { getParameters, loadBoundSecrets } from "./ssm-secrets";

/** SST secrets the functions may be bound to; each name is also the env var the config reads. */
export const SECRET_NAMES = ["TASTY_CLIENT_SECRET", "TASTY_REFRESH_TOKEN", "STRATDECK_API_TOKEN"] as const;

let secrets: Promise<Record<string, string>> | undefined;

/**
 * `process.env` plus the SST secrets bound to this function. The secrets are read from SSM once
 * per container (one GetParameters call) and cached; a failure is retried on the next event.
 * Without bound secrets (tests, local runs) it is just the environment. Secret values are
 * registered for scrubbing from log lines.
 */
export async function lambdaEnv(): Promise<Record<string, string | undefined>> {
  secrets ??= fetchBound().catch((err: unknown) => {
    secrets = undefined;
    throw err;
  });
  const out: Record<string, string | undefined> = { ...process.env, ...(await secrets) };
  for (const name of SECRET_NAMES) if (out[name]) registerSecret(out[name]);
  return out;
}

function fetchBound(): Promise<Record<string, string>> {
  const env = process.env;
  return loadBoundSecrets(env, (names) =>
    getParameters(names, {
      region: env.AWS_REGION ?? "us-east-1",
      credentials: credentialsFromEnv(env),
    }),
  );
}
