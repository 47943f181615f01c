import { signV4, type AwsCredentials } from "./sigv4";

/** Value SST puts in `SST_Secret_value_<NAME>` for each secret bound to a function. */
const FETCH_FROM_SSM = "__FETCH_FROM_SSM__";

/**
 * The `Parameters` of a GetParameters answer. Checked by hand rather than with zod: this module is
 * in the authorizer's bundle, where zod would be ~95% of the bytes (see bench `handlers`).
 */
function parametersOf(json: unknown): { Name: string; Value: string }[] {
  const list = (json as { Parameters?: unknown } | null)?.Parameters ?? [];
  if (!Array.isArray(list)) throw new Error("SSM GetParameters: Parameters is not an array");
  return list.map((p: unknown, i) => {
    const { Name, Value } = (p ?? {}) as { Name?: unknown; Value?: unknown };
    if (typeof Name !== "string" || typeof Value !== "string")
      throw new Error(`SSM GetParameters: Parameters[${i}] needs string Name and Value`);
    return { Name, Value };
  });
}

/** Where and how to call SSM (injectable for tests). */
export interface SsmOptions {
  region: string;
  credentials: AwsCredentials;
  /** Default `https://ssm.<region>.amazonaws.com`. */
  endpoint?: string;
  now?: () => number;
}

/** SSM GetParameters with decryption, 10 names per call; values by name. */
export async function getParameters(
  names: readonly string[],
  opts: SsmOptions,
): Promise<Map<string, string>> {
  const url = new URL(opts.endpoint ?? `https://ssm.${opts.region}.amazonaws.com/`);
  const out = new Map<string, string>();
  for (let i = 0; i < names.length; i += 10) {
    const body = JSON.stringify({ Names: names.slice(i, i + 10), WithDecryption: true });
    const headers = signV4({
      method: "POST",
      host: url.host,
      path: "/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.GetParameters" },
      body,
      region: opts.region,
      service: "ssm",
      credentials: opts.credentials,
      now: (opts.now ?? Date.now)(),
    });
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`SSM GetParameters failed: HTTP ${res.status} ${text.slice(0, 200)}`);
    for (const p of parametersOf(JSON.parse(text))) out.set(p.Name, p.Value);
  }
  return out;
}

/**
 * The SST secrets bound to this function (SST v2 layout): each `SST_Secret_value_<NAME>` set to
 * `__FETCH_FROM_SSM__` is read from `<SST_SSM_PREFIX>Secret/<NAME>/value`, falling back to the
 * app-wide `/sst/<app>/.fallback/Secret/<NAME>/value`. Throws naming every secret still missing.
 */
export async function loadBoundSecrets(
  env: Readonly<Record<string, string | undefined>>,
  ssm: (names: readonly string[]) => Promise<Map<string, string>>,
): Promise<Record<string, string>> {
  const names = Object.entries(env)
    .filter(([k, v]) => k.startsWith("SST_Secret_value_") && v === FETCH_FROM_SSM)
    .map(([k]) => k.slice("SST_Secret_value_".length));
  if (names.length === 0) return {};
  const stagePath = (n: string) => `${env.SST_SSM_PREFIX}Secret/${n}/value`;
  const fallbackPath = (n: string) => `/sst/${env.SST_APP}/.fallback/Secret/${n}/value`;
  const found = await ssm(names.map(stagePath));
  const missing = names.filter((n) => !found.has(stagePath(n)));
  const fallback = missing.length > 0 ? await ssm(missing.map(fallbackPath)) : new Map<string, string>();
  const out: Record<string, string> = {};
  const unset: string[] = [];
  for (const n of names) {
    const v = found.get(stagePath(n)) ?? fallback.get(fallbackPath(n));
    if (v === undefined) unset.push(n);
    else out[n] = v;
  }
  if (unset.length > 0) {
    throw new Error(
      `secrets not set for stage "${env.SST_STAGE}": ${unset.join(", ")} ` +
        `(npx sst secrets set <NAME> <value> --stage ${env.SST_STAGE})`,
    );
  }
  return out;
}
