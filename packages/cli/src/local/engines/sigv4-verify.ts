import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data).digest();

/** The fields of a SigV4 `Authorization` header. */
interface Authorization {
  accessKeyId: string;
  scope: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string | undefined): Authorization | null {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/((\d{8})\/([^/]+)\/([^/]+)\/aws4_request),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
      header?.trim() ?? "",
    );
  if (!m) return null;
  const [, accessKeyId = "", scope = "", date = "", region = "", service = "", signed = "", signature = ""] =
    m;
  return { accessKeyId, scope, date, region, service, signedHeaders: signed.split(";"), signature };
}

/** The canonical request of SigV4 for a request with the given path and query. */
function canonicalRequest(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  signed: string[],
  body: Buffer,
): string {
  const u = new URL(url, "http://localhost");
  const query = [...u.searchParams.entries()]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a = "", x = ""], [b = "", y = ""]) => (a === b ? x.localeCompare(y) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const lines = signed.map((h) => {
    const v = headers[h];
    return `${h}:${(Array.isArray(v) ? v.join(",") : (v ?? "")).trim().replace(/\s+/g, " ")}`;
  });
  return [method, u.pathname, query, ...lines, "", signed.join(";"), hex(body)].join("\n");
}

/**
 * True when the request carries a valid AWS Signature V4 (Authorization header form) made with
 * `accessKeyId` and `secretAccessKey` over this method, path, query, the signed headers and the
 * body: a client that only knows the key id (or signs with another secret) is refused.
 */
export function sigV4Valid(
  req: { method?: string; url?: string; headers: IncomingHttpHeaders },
  body: Buffer,
  accessKeyId: string,
  secretAccessKey: string,
): boolean {
  const auth = parseAuthorization(req.headers.authorization);
  const amzDate = req.headers["x-amz-date"];
  if (!auth || auth.accessKeyId !== accessKeyId || typeof amzDate !== "string") return false;
  if (!amzDate.startsWith(auth.date) || !auth.signedHeaders.includes("host")) return false;
  const request = canonicalRequest(
    req.method ?? "POST",
    req.url ?? "/",
    req.headers,
    auth.signedHeaders,
    body,
  );
  const toSign = ["AWS4-HMAC-SHA256", amzDate, auth.scope, hex(request)].join("\n");
  const key = [auth.date, auth.region, auth.service, "aws4_request"].reduce<string | Buffer>(
    (k, part) => hmac(k, part),
    `AWS4${secretAccessKey}`,
  );
  const expected = createHmac("sha256", key).update(toSign).digest();
  return timingSafeEqual(expected, Buffer.from(auth.signature, "hex"));
}
