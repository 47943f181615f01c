import { forgetLevel, hookLevel, openedLevel } from "./level-hook";

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
  hookLevel();
  let running: Promise<boolean> | null = null;
  return {
    compact: () => {
      const db = openedLevel(path);
      if (!db || db.status !== "open") return Promise.resolve(false);
      running ??= db
        .compactRange("\u0000", "\uffff")
        .then(() => true)
        .catch(() => false)
        .finally(() => (running = null));
      return running;
    },
    forget: () => forgetLevel(path),
  };
}
