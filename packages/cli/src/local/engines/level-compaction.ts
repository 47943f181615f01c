import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);

interface LevelDb {
  location: string;
  status: string;
  compactRange(start: string, end: string): Promise<void>;
}

const opened = new Map<string, LevelDb>();
let hooked = false;

/** Records every LevelDB opened in this process by its folder (dynalite keeps its handle private). */
function hook(): void {
  if (hooked) return;
  hooked = true;
  // The very class dynalite instantiates: `level` resolved from dynalite's own folder.
  const fromDynalite = createRequire(require.resolve("dynalite"));
  const { Level } = fromDynalite("level") as {
    Level: { prototype: { _open: (this: LevelDb, ...a: unknown[]) => Promise<void> } };
  };
  const open = Level.prototype._open;
  Level.prototype._open = function (this: LevelDb, ...args: unknown[]) {
    opened.set(resolve(this.location), this);
    return open.apply(this, args);
  };
}

/** Compacts one LevelDB folder opened in this process. */
export interface LevelCompactor {
  /** Compacts the whole key range (drops overwritten versions); false when the db is not open. */
  compact(): Promise<boolean>;
  /** Forgets the folder (after the engine closed). */
  forget(): void;
}

/**
 * A compactor for the LevelDB folder `path` (must be called before the engine opens it). LevelDB
 * keeps overwritten values until a compaction reaches their level, so a stream re-writing the
 * same snapshots grows the folder by tens of MB per minute; compacting the full range
 * periodically keeps it near the live data size.
 */
export function compactorFor(path: string): LevelCompactor {
  hook();
  const key = resolve(path);
  let running: Promise<boolean> | null = null;
  return {
    compact: () => {
      const db = opened.get(key);
      if (!db || db.status !== "open") return Promise.resolve(false);
      running ??= db
        .compactRange("\u0000", "\uffff")
        .then(() => true)
        .catch(() => false)
        .finally(() => (running = null));
      return running;
    },
    forget: () => opened.delete(key),
  };
}
