/** The SST secrets every stage needs before its task and jobs can start (see stacks/secrets.ts). */
export const REQUIRED_SECRETS = [
  "TASTY_CLIENT_SECRET",
  "TASTY_REFRESH_TOKEN",
  "STRATDECK_API_TOKEN",
] as const;

/** A stage's secrets as SST lists them: a value or a fallback counts as set. */
export type SecretValues = Record<string, { value?: string; fallback?: string }>;

/** The required secrets that have neither a value nor a fallback. */
export function missingSecrets(
  secrets: SecretValues,
  required: readonly string[] = REQUIRED_SECRETS,
): string[] {
  return required.filter((name) => !secrets[name]?.value && !secrets[name]?.fallback);
}

/**
 * Fails the deploy before any resource changes when a required secret is unset (a stream task or
 * job would otherwise start, fail to read it and crash-loop), naming each missing secret and the
 * command that sets it. `load` reads the stage's secrets (default: SST's SSM parameters).
 */
export async function assertSecretsSet(
  stage: string,
  load: () => Promise<SecretValues> = async () => (await import("sst/config.js")).Config.secrets(),
): Promise<void> {
  const missing = missingSecrets(await load());
  if (missing.length === 0) return;
  throw new Error(
    `Stage "${stage}" is missing secret(s) ${missing.join(", ")}: set each with ` +
      missing.map((n) => `\`npx sst secrets set ${n} <value> --stage ${stage}\``).join(", ") +
      " and deploy again (README: Deploy to AWS → Secrets).",
  );
}
