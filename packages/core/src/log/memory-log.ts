import type { Log, LogFields } from "./log";

/** One line a {@link MemoryLog} kept. */
export interface MemoryLogLine {
  level: "debug" | "info" | "warn" | "error";
  event: string;
  fields: LogFields;
}

/** A Log that keeps every line in memory (children share the list and add their fields). */
export interface MemoryLog extends Log {
  readonly lines: MemoryLogLine[];
  /** The fields of every line with this event name, in order. */
  events(event: string): LogFields[];
}

/** Creates a {@link MemoryLog}; for tests that assert on what was logged. */
export function memoryLog(lines: MemoryLogLine[] = [], base: LogFields = {}): MemoryLog {
  const at =
    (level: MemoryLogLine["level"]) =>
    (event: string, fields: LogFields = {}): void =>
      void lines.push({ level, event, fields: { ...base, ...fields } });
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => memoryLog(lines, { ...base, ...fields }),
    lines,
    events: (event) => lines.filter((l) => l.event === event).map((l) => l.fields),
  };
}
