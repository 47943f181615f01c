import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The local API's bearer token: STRATDECK_API_TOKEN when set, else a random 32-byte token kept in
 * `<stateDir>/api-token` (mode 0600) so it survives restarts and the phone keeps working.
 */
export function localApiToken(stateDir: string, configured?: string): string {
  if (configured) return configured;
  const path = join(stateDir, "api-token");
  if (existsSync(path)) {
    const t = readFileSync(path, "utf8").trim();
    if (t.length >= 16) return t;
  }
  mkdirSync(stateDir, { recursive: true });
  const token = randomBytes(32).toString("base64url");
  writeFileSync(path, token + "\n", { mode: 0o600 });
  return token;
}
