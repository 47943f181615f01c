import type { Log } from "./log";

/** The logger shape the AWS SDK v3 clients accept (their `logger` option). */
export interface SdkLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

function text(content: unknown[]): string {
  return content
    .map((c) => (typeof c === "string" ? c : c instanceof Error ? `${c.name}: ${c.message}` : safeJson(c)))
    .join(" ")
    .slice(0, 2_000);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/**
 * Routes an SDK client's log output (including `@smithy/node-http-handler` warnings, which
 * otherwise go to the console as plain text) to the project's JSON logger as `aws-sdk.<level>`
 * events. Warnings stay warnings; the rest (including the SDK's per-call failure record, which
 * our own error handling reports) is debug.
 */
export function sdkLogger(log: Log): SdkLogger {
  return {
    debug: (...c) => log.debug("aws-sdk.debug", { detail: text(c) }),
    info: (...c) => log.debug("aws-sdk.info", { detail: text(c) }),
    warn: (...c) => log.warn("aws-sdk.warn", { detail: text(c) }),
    // Failed calls are reported by our own code (typed errors, retries); the SDK's copy is detail.
    error: (...c) => log.debug("aws-sdk.error", { detail: text(c) }),
  };
}
