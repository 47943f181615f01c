/** Structured fields attached to a log line. Values must be JSON-serialisable. */
export type LogFields = Record<string, unknown>;

/**
 * The narrow logging port core depends on. `event` is a stable, dotted event name
 * (for example `dxlink.connect`, `rest.429`, `paper.entry`); fields carry the details.
 */
export interface Log {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line it writes. */
  child(fields: LogFields): Log;
}

/** A Log that drops everything; for tests that do not look at logs. */
export const silentLog: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLog,
};
