/**
 * A daily history file the replay cannot use: names the file and the line (1-based; 0 = the file
 * as a whole) and what is wrong. The CLI exits 2 with this message before any work.
 */
export class HistoryFileError extends Error {
  override readonly name = "HistoryFileError";

  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${reason}` : `${file}: ${reason}`);
  }
}
