import { closeSync, mkdirSync, openSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "./local-stack-file";

/** Folder of the waiters' tickets, next to `engine.lock`. */
const QUEUE = "engine.queue";

const TICKET = /^(\d{12})-(\d+)$/;

/** A waiter's place in the state folder's queue (a ticket file `<seq>-<pid>`). */
export interface LockTicket {
  /** Waiters ahead of this one (0 = next to take the lock). */
  ahead(): number;
  /** Leaves the queue. */
  leave(): void;
}

/** Live tickets in order (seq, then pid); tickets of processes that died are removed. */
function liveTickets(dir: string): string[] {
  const live: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = TICKET.exec(name);
    if (!m) continue;
    if (processAlive(Number(m[2]))) live.push(name);
    else rmSync(join(dir, name), { force: true });
  }
  return live.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/**
 * Joins the state folder's queue: takes the next ticket (one past the highest held), created
 * exclusively, so waiters take the lock in the order they arrived instead of whoever polls first.
 */
export function joinLockQueue(stateDir: string): LockTicket {
  const dir = join(stateDir, QUEUE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let name = "";
  for (;;) {
    const last = liveTickets(dir).at(-1);
    const seq = last ? Number(TICKET.exec(last)?.[1] ?? 0) + 1 : 1;
    name = `${String(seq).padStart(12, "0")}-${process.pid}`;
    try {
      closeSync(openSync(join(dir, name), "wx", 0o600));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return {
    ahead: () => {
      const i = liveTickets(dir).indexOf(name);
      return i < 0 ? 0 : i;
    },
    leave: () => rmSync(join(dir, name), { force: true }),
  };
}
