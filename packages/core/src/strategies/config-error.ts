/** One problem in strategies.yaml. */
export interface StrategiesConfigIssue {
  /** Dotted key path, e.g. `strategies.iron_condor_index_30d.dte.target`. */
  path: string;
  /** What is wrong, e.g. `must be a number >= 0 (got "abc")`, `unknown key`. */
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

/** Thrown when strategies.yaml is invalid; lists every problem, each naming its key. */
export class StrategiesConfigError extends Error {
  override readonly name = "StrategiesConfigError";
  constructor(
    readonly issues: readonly StrategiesConfigIssue[],
    /** File the issues are about, when read from disk. */
    readonly file?: string,
  ) {
    super(
      `Invalid strategies config${file ? ` ${file}` : ""} (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues
          .map((i) => `  - ${i.path || "(root)"}: ${i.message}${i.line ? ` (line ${i.line})` : ""}`)
          .join("\n"),
    );
  }
}
