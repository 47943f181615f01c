import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Log } from "../log/log";
import type { EmbeddedEngineStarter, ResolvedStorage } from "./resolve-storage";
import { StateFolderUnwritableError } from "./state-folder-errors";

/**
 * Storage for a command that only reads, on a state folder it cannot write (read-only file
 * system, no permission): LevelDB must write to open a store, so the store is copied to a
 * temporary folder and opened there; the copy is removed on release and nothing written to it is
 * kept. When even the copy cannot be made, the error says why.
 */
export async function readOnlyCopy(
  refused: StateFolderUnwritableError,
  start: EmbeddedEngineStarter,
  credential: { accessKeyId: string; secretAccessKey: string },
  log: Log,
): Promise<ResolvedStorage> {
  const { stateDir } = refused;
  const tmp = mkdtempSync(join(tmpdir(), "stratdeck-read-only-"));
  const store = join(stateDir, "dynamodb");
  try {
    if (existsSync(store))
      cpSync(store, join(tmp, "dynamodb"), { recursive: true, filter: (src) => basename(src) !== "LOCK" });
    // A damaged store is reported as the state folder's, not as the temporary copy's.
    const engine = await start({ path: join(tmp, "dynamodb"), reportAs: store, ...credential });
    log.warn("state.read-only", {
      stateDir,
      detail: `${refused.message}: this command only reads, so it reads a copy of the store`,
    });
    return {
      kind: "embedded",
      endpoint: engine.endpoint,
      ...credential,
      stateDir,
      release: async () => {
        await engine.stop();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if ((err as Error).name === "StateStoreError") throw err;
    throw new StateFolderUnwritableError(
      stateDir,
      `${refused.reason}; reading a copy failed too: ${(err as Error).message}`,
    );
  }
}
