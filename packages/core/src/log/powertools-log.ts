import { Logger } from "@aws-lambda-powertools/logger";
import type { LogItem } from "@aws-lambda-powertools/logger";
import type { Log, LogFields } from "./log";
import { prettyLine } from "./pretty-line";
import { secretReplacer } from "./redact";
import { knownSecrets } from "./secret-registry";

/** Where JSON lines go. Defaults to stderr so a CLI's `--json` stdout stays clean. */
export type LogSink = (line: string) => void;

/** `json`: one JSON object per line (machines, Lambda, the stream task); `pretty`: one short human line. */
export type LogFormat = "json" | "pretty";

export interface LoggerOptions {
  /** Service name stamped on every line. */
  service: string;
  /** Minimum level; defaults to `INFO`. */
  level?: "DEBUG" | "INFO" | "WARN" | "ERROR";
  /** Destination of each JSON line (without trailing newline). Defaults to stderr. */
  sink?: LogSink;
  /** Fields added to every line. */
  fields?: LogFields;
  /** Line format; defaults to `json`. */
  format?: LogFormat;
}

const stderrSink: LogSink = (line) => {
  process.stderr.write(line + "\n");
};

/** Powertools Logger that prints each line through our sink with secrets scrubbed. */
class SinkLogger extends Logger {
  constructor(
    options: ConstructorParameters<typeof Logger>[0],
    private readonly sink: LogSink,
    private readonly format: LogFormat,
  ) {
    super(options);
  }

  protected override printLog(_level: number, log: LogItem): void {
    log.prepareForPrint();
    const json = JSON.stringify(log.getAttributes(), this.getJsonReplacer());
    this.sink(this.format === "pretty" ? prettyLine(JSON.parse(json) as Record<string, unknown>) : json);
  }

  protected override createLogger(options?: ConstructorParameters<typeof Logger>[0]): Logger {
    return new SinkLogger(options, this.sink, this.format);
  }
}

/** Adapts a Powertools logger to the narrow {@link Log} port. */
function wrap(logger: Logger): Log {
  const emit =
    (level: "debug" | "info" | "warn" | "error") =>
    (event: string, fields?: LogFields): void => {
      if (fields) logger[level]({ message: event, ...normaliseErrors(fields) });
      else logger[level](event);
    };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => wrap(logger.createChild({ persistentKeys: normaliseErrors(fields) })),
  };
}

/** Errors do not JSON-serialise; turn them into `{ name, message }` (stack only at debug). */
function normaliseErrors(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { name: v.name, message: v.message, ...errorCode(v) } : v;
  }
  return out;
}

function errorCode(e: Error): Record<string, unknown> {
  const code = (e as { code?: unknown }).code;
  return code === undefined ? {} : { code };
}

/**
 * Creates a logger backed by Powertools writing JSON lines (or, with `format: "pretty"`, short human
 * lines). Every line passes a replacer that removes secret-named keys, bearer credentials and
 * registered secret values.
 */
export function createLogger(options: LoggerOptions): Log {
  const logger = new SinkLogger(
    {
      serviceName: options.service,
      logLevel: options.level ?? "INFO",
      jsonReplacerFn: secretReplacer(knownSecrets),
      ...(options.fields ? { persistentKeys: normaliseErrors(options.fields) } : {}),
    },
    options.sink ?? stderrSink,
    options.format ?? "json",
  );
  return wrap(logger);
}
