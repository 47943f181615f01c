/** A second `stratdeck start` on a state folder that already has one: refused in one line. */
export class StackRefusedError extends Error {
  override readonly name = "StackRefusedError";
}

/** A port that cannot be bound (in use or not allowed), naming the flag and variable that change it. */
export class PortUnavailableError extends Error {
  override readonly name = "PortUnavailableError";
}

/**
 * Turns a listen error into one message naming what to change (`flag`, `variable`); other
 * errors pass through unchanged.
 */
export function portError(err: unknown, flag: string, variable: string | null): unknown {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code !== "EADDRINUSE" && e?.code !== "EACCES") return err;
  const which = e.port !== undefined ? `port ${e.port}` : "the port";
  const why = e.code === "EADDRINUSE" ? "is already in use" : "is not allowed for this user";
  const change = variable ? `pass ${flag} <n> or set ${variable} (0 = any free port)` : `pass ${flag} <n>`;
  return new PortUnavailableError(`${which} ${why}: ${change}`);
}
