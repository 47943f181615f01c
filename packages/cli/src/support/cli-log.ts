import { createLogger, silentLog, type Log, type LogFields, type LogFormat } from "@stratdeck/core/log";
import { cliContext } from "./cli-context";

/** A log level of the project logger. */
export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";

/** What decides the log format of one invocation. */
export interface LogFormatInput {
  /** `--log-format json|pretty`, when given. */
  flag: LogFormat | undefined;
  /** stderr is a terminal. */
  stderrIsTTY: boolean;
  /** The process environment (Lambda and ECS are detected from it). */
  env: NodeJS.ProcessEnv;
  /** The command being run. */
  command: string;
}

/**
 * The log format: always JSON in Lambda and in an ECS task (the stream task); else `--log-format`
 * when given; else JSON for `stream` (the stream task's entry) and whenever stderr is not a
 * terminal, and short human lines on a terminal.
 */
export function chooseLogFormat(input: LogFormatInput): LogFormat {
  if (input.env.AWS_LAMBDA_FUNCTION_NAME || input.env.ECS_CONTAINER_METADATA_URI_V4) return "json";
  if (input.flag) return input.flag;
  if (input.command === "stream") return "json";
  return input.stderrIsTTY ? "pretty" : "json";
}

const ORDER: readonly LogLevel[] = ["DEBUG", "INFO", "WARN", "ERROR"];

/**
 * The logger of a CLI command, following the invocation's choices: nothing with `--quiet`; human
 * lines at WARN and above (or at STRATDECK_LOG_LEVEL when it is set) on a terminal; JSON lines at
 * `level` otherwise. Logs always go to stderr, so what a command prints on stdout stays apart.
 */
export function cliLogger(service: string, level: LogLevel, fields?: LogFields): Log {
  const ctx = cliContext();
  if (ctx.quiet) return silentLog;
  const shown =
    ctx.logFormat === "pretty" && !ctx.levelChosen && ORDER.indexOf(level) < ORDER.indexOf("WARN")
      ? "WARN"
      : level;
  return createLogger({ service, level: shown, format: ctx.logFormat, ...(fields ? { fields } : {}) });
}
