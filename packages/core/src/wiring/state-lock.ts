import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { systemClock, type Clock } from "../time/clock";
import { ensureStateDir, processAlive, readLocalStack, type LocalStackInfo } from "./local-stack-file";
import { isUnwritable, StateFolderUnwritableError } from "./state-folder-errors";
import { joinLockQueue, type LockTicket } from "./state-lock-queue";

/** Who holds the state folder's engine lock. */
export interface LockHolder {
  pid: number;
  /** `stack` (`stratdeck start`) or the command name. */
  owner: string;
}

/** Thrown when the state folder stays locked past the wait budget, or a second stack is refused. */
export class StateLockedError extends Error {
  override readonly name = "StateLockedError";
  constructor(
    message: string,
    readonly holder: LockHolder,
  ) {
    super(message);
  }
}

/**
 * Outcome of {@link lockStateDir}: this process owns the folder (after waiting `waitedMs` in all,
 * at most `longestStallMs` of it without the queue moving), or a stack started meanwhile.
 */
export type StateAccess =
  | { kind: "owner"; waitedMs: number; longestStallMs: number; release(): void }
  | { kind: "stack"; stack: LocalStackInfo };

/** Options of {@link lockStateDir}. */
export interface LockOptions {
  /** Recorded in the lock file: `stack` or the command name. */
  owner: string;
  /**
   * Longest wait while the queue does not move, ms (default 60 000): the budget starts again
   * whenever the holder changes or a waiter ahead leaves.
   */
  waitMs?: number;
  /** Poll interval while waiting, ms (default 100). */
  pollMs?: number;
  /** Join a stack that appears while waiting (commands) instead of waiting it out (default true). */
  joinStack?: boolean;
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (holder: LockHolder, ahead: number) => void;
  /** A lock file with no readable holder older than this is stale, ms (default 5 000). */
  staleEmptyMs?: number;
  /** Clock for the waits and the age of a lock file (default the system clock). */
  clock?: Clock;
}

const LOCK = "engine.lock";

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null;
  }
}

/** Creates the lock file; a write that fails (disk full) removes it again and throws. */
function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    return true;
  } catch (err) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw Object.assign(err as NodeJS.ErrnoException, { path });
  }
}

/** Removes a stale lock (renamed first, so only one waiter removes it). */
function clearStale(path: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const taken = readHolder(aside);
  // A live holder got there between our read and the rename: give its lock back.
  if (taken && processAlive(taken.pid)) renameSync(aside, path);
  else rmSync(aside, { force: true });
}

/** True when the lock at `path` is stale: its process is gone, or it names none and is old. */
function stale(path: string, holder: LockHolder | null, options: LockOptions): boolean {
  if (holder) return !processAlive(holder.pid);
  try {
    const age = (options.clock ?? systemClock).now() - statSync(path).mtimeMs;
    return age > (options.staleEmptyMs ?? 5_000);
  } catch {
    return false;
  }
}

/** Why the wait ended unsuccessfully. */
function lockedError(
  stateDir: string,
  shown: LockHolder,
  waitedMs: number,
  stalledMs: number,
): StateLockedError {
  const s = (ms: number): string => `${Math.round(ms / 1000)} s`;
  return new StateLockedError(
    `state folder ${stateDir} is in use by pid ${shown.pid} (stratdeck ${shown.owner}); waited ${s(waitedMs)}, the last ${s(stalledMs)} without the queue moving. Try again when it ends, or pass --ephemeral for a throwaway in-memory run`,
    shown,
  );
}

/**
 * Takes the state folder's engine lock (an exclusive `engine.lock` file holding pid and owner,
 * created atomically), so only one process opens the embedded engine on the folder at a time.
 * A lock whose process died, or one left without a holder (its write failed) for a few seconds,
 * is cleared. Waiters queue in arrival order ({@link joinLockQueue}); the first call of `onWait`
 * says how many are ahead. A stack (`stratdeck start`) that appears meanwhile is joined instead.
 * The wait budget counts only time in which the queue does not move; past it this throws
 * {@link StateLockedError} naming the holder and how long it waited. A folder that cannot be
 * written is a {@link StateFolderUnwritableError}.
 */
export async function lockStateDir(stateDir: string, options: LockOptions): Promise<StateAccess> {
  const clock = options.clock ?? systemClock;
  const path = join(stateDir, LOCK);
  const me: LockHolder = { pid: process.pid, owner: options.owner };
  const pollMs = options.pollMs ?? 100;
  const started = clock.now();
  try {
    ensureStateDir(stateDir);
    const ticket = joinLockQueue(stateDir);
    try {
      return await waitTurn(stateDir, path, me, ticket, { ...options, pollMs, clock }, started);
    } finally {
      ticket.leave();
    }
  } catch (err) {
    if (!isUnwritable(err)) throw err;
    throw new StateFolderUnwritableError(stateDir, `${err.code ?? "EACCES"} on ${err.path ?? stateDir}`);
  }
}

async function waitTurn(
  stateDir: string,
  path: string,
  me: LockHolder,
  ticket: LockTicket,
  options: LockOptions & { pollMs: number; clock: Clock },
  started: number,
): Promise<StateAccess> {
  const { clock } = options;
  let warned = false;
  let lastMove = started;
  let longestStall = 0;
  let last = "";
  for (;;) {
    if (options.joinStack !== false) {
      const stack = readLocalStack(stateDir);
      if (stack) return { kind: "stack", stack };
    }
    const ahead = ticket.ahead();
    if (ahead === 0 && tryCreate(path, me)) return owned(path, clock.now() - started, longestStall);
    const holder = readHolder(path);
    if (ahead === 0 && stale(path, holder, options)) {
      clearStale(path);
      continue;
    }
    const shown = holder ?? { pid: -1, owner: "unknown (the lock file names no holder)" };
    const state = `${shown.pid}:${ahead}`;
    if (state !== last) [last, lastMove] = [state, clock.now()];
    longestStall = Math.max(longestStall, clock.now() - lastMove);
    if (clock.now() - lastMove >= (options.waitMs ?? 60_000))
      throw lockedError(stateDir, shown, clock.now() - started, clock.now() - lastMove);
    if (!warned) {
      warned = true;
      options.onWait?.(shown, ahead);
    }
    await new Promise((r) => setTimeout(r, options.pollMs));
  }
}

function owned(path: string, waitedMs: number, longestStallMs: number): StateAccess {
  let released = false;
  return {
    kind: "owner",
    waitedMs,
    longestStallMs,
    release: () => {
      if (released) return;
      released = true;
      if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
