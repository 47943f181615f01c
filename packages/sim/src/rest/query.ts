/**
 * Values of an array query parameter in any of the three styles SDKs use: `k=a,b` (docs),
 * `k[]=a&k[]=b` (JS SDK, qs brackets) and `k=a&k=b` (Python). Empty entries are dropped.
 */
export function arrayParam(params: URLSearchParams, key: string): string[] {
  const raw = [...params.getAll(key), ...params.getAll(`${key}[]`)];
  return raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
