import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signV4 } from "../../../packages/functions/src/shared/sigv4";
import { getParameters, loadBoundSecrets } from "../../../packages/functions/src/shared/ssm-secrets";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "session-token-example",
};
const NOW = Date.parse("2026-11-25T15:00:00Z");

describe("SigV4 signing", () => {
  it("produces the signature the AWS SDK's signer produces for an SSM call", async () => {
    const body = JSON.stringify({
      Names: ["/sst/stratdeck/prod/Secret/STRATDECK_API_TOKEN/value"],
      WithDecryption: true,
    });
    const base = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.GetParameters" };
    const ours = signV4({
      method: "POST",
      host: "ssm.us-east-1.amazonaws.com",
      path: "/",
      headers: base,
      body,
      region: "us-east-1",
      service: "ssm",
      credentials,
      now: NOW,
    });
    const sdk = await new SignatureV4({
      credentials,
      region: "us-east-1",
      service: "ssm",
      sha256: Hash.bind(null, "sha256"),
      applyChecksum: false,
    }).sign(
      {
        method: "POST",
        protocol: "https:",
        hostname: "ssm.us-east-1.amazonaws.com",
        path: "/",
        headers: { ...base, host: "ssm.us-east-1.amazonaws.com" },
        body,
      },
      { signingDate: new Date(NOW) },
    );
    expect(ours.authorization).toBe(sdk.headers.authorization);
    expect(ours["x-amz-security-token"]).toBe(credentials.sessionToken);
  });
});

/** A loopback SSM: answers GetParameters from a map, records each request. */
function fakeSsm(values: Record<string, string>) {
  const requests: { headers: IncomingMessage["headers"]; names: string[] }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const names = (JSON.parse(body) as { Names: string[] }).Names;
      requests.push({ headers: req.headers, names });
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(
        JSON.stringify({
          Parameters: names
            .filter((n) => n in values)
            .map((n) => ({ Name: n, Value: values[n], Type: "SecureString" })),
          InvalidParameters: names.filter((n) => !(n in values)),
        }),
      );
    });
  });
  return { server, requests };
}

describe("SSM GetParameters and SST secret binding", () => {
  const values: Record<string, string> = {
    "/sst/stratdeck/prod/Secret/STRATDECK_API_TOKEN/value": "api-token",
    "/sst/stratdeck/.fallback/Secret/TASTY_CLIENT_SECRET/value": "fallback-secret",
  };
  const ssm = fakeSsm(values);
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((r) => ssm.server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(ssm.server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => ssm.server.close(() => r())));
  const opts = () => ({ region: "us-east-1", credentials, endpoint, now: () => NOW });

  it("signs each call and batches 10 names per request", async () => {
    ssm.requests.length = 0;
    const names = Array.from({ length: 12 }, (_, i) => `/p/${i}`);
    await getParameters(names, opts());
    expect(ssm.requests.map((r) => r.names.length)).toEqual([10, 2]);
    expect(ssm.requests[0]?.headers["x-amz-target"]).toBe("AmazonSSM.GetParameters");
    expect(ssm.requests[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261125\/us-east-1\/ssm\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
  });

  const env = {
    SST_APP: "stratdeck",
    SST_STAGE: "prod",
    SST_SSM_PREFIX: "/sst/stratdeck/prod/",
    SST_Secret_value_STRATDECK_API_TOKEN: "__FETCH_FROM_SSM__",
    SST_Secret_value_TASTY_CLIENT_SECRET: "__FETCH_FROM_SSM__",
  };

  it("reads bound secrets from the stage path, else the app-wide fallback", async () => {
    const out = await loadBoundSecrets(env, (names) => getParameters(names, opts()));
    expect(out).toEqual({ STRATDECK_API_TOKEN: "api-token", TASTY_CLIENT_SECRET: "fallback-secret" });
  });

  it("names every secret that is set nowhere, with the command that sets it", async () => {
    const more = { ...env, SST_Secret_value_TASTY_REFRESH_TOKEN: "__FETCH_FROM_SSM__" };
    await expect(loadBoundSecrets(more, (names) => getParameters(names, opts()))).rejects.toThrow(
      /secrets not set for stage "prod": TASTY_REFRESH_TOKEN \(npx sst secrets set <NAME> <value> --stage prod\)/,
    );
  });

  it("makes no call when nothing is bound", async () => {
    ssm.requests.length = 0;
    expect(await loadBoundSecrets({ PATH: "/bin" }, (names) => getParameters(names, opts()))).toEqual({});
    expect(ssm.requests).toHaveLength(0);
  });
});
