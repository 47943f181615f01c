import { readSlice, readVarint } from "./level-format";

/** What a MANIFEST says about the store: its live table files and its write-ahead log. */
export interface ManifestState {
  /** Live table files: number → size in bytes. */
  tables: Map<number, number>;
  logNumber: number | null;
  prevLogNumber: number | null;
  nextFile: number | null;
  lastSequence: number | null;
}

/** Applies one VersionEdit record (LevelDB's tagged fields) to `state`. */
export function applyEdit(state: ManifestState, edit: Uint8Array): void {
  for (let p = 0; p < edit.length;) {
    const tag = readVarint(edit, p);
    p = tag.next;
    const num = (): number => {
      const v = readVarint(edit, p);
      p = v.next;
      return v.value;
    };
    const skipSlice = (): void => {
      p = readSlice(edit, p).next;
    };
    switch (tag.value) {
      case 1:
        skipSlice();
        break;
      case 2:
        state.logNumber = num();
        break;
      case 3:
        state.nextFile = num();
        break;
      case 4:
        state.lastSequence = num();
        break;
      case 5:
        num();
        skipSlice();
        break;
      case 6:
        num();
        state.tables.delete(num());
        break;
      case 7: {
        num();
        const n = num();
        state.tables.set(n, num());
        skipSlice();
        skipSlice();
        break;
      }
      case 9:
        state.prevLogNumber = num();
        break;
      default:
        throw new RangeError(`unknown field tag ${tag.value}`);
    }
  }
}

/** The store state after every edit of a MANIFEST. */
export function manifestState(records: Uint8Array[]): ManifestState {
  const state: ManifestState = {
    tables: new Map(),
    logNumber: null,
    prevLogNumber: null,
    nextFile: null,
    lastSequence: null,
  };
  for (const r of records) applyEdit(state, r);
  return state;
}
