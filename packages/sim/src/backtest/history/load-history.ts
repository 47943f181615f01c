import { readFileSync } from "node:fs";
import { parseDailyCsv, type DailySeries } from "./daily-csv";
import { HistoryFileError } from "./history-file-error";
import type { HistoryFiles } from "./history-market";

/** Paths of a replay's daily files. */
export interface HistoryPaths {
  history: string;
  vol: string;
  vol9d?: string;
  vol3m?: string;
}

function load(path: string): DailySeries {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new HistoryFileError(path, 0, `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return parseDailyCsv(text, path);
}

/** Reads and parses every file of a replay (a `HistoryFileError` names the first bad file and line). */
export function loadHistoryFiles(paths: HistoryPaths): HistoryFiles {
  return {
    history: load(paths.history),
    vol: load(paths.vol),
    ...(paths.vol9d ? { vol9d: load(paths.vol9d) } : {}),
    ...(paths.vol3m ? { vol3m: load(paths.vol3m) } : {}),
  };
}
