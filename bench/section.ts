/** One section of `npm run bench`. */
export interface BenchSection {
  /** Key of this section in the `--json` document (e.g. `ingest`, `scan`, `handlers`). */
  key: string;
  /** Human title. */
  title: string;
  /** Runs the measurement; returns the JSON value and a human table. */
  run(): Promise<{ json: unknown; human: string }>;
}
