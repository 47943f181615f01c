import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);

/** The parts of a LevelDB handle (abstract-level) the engine wrapper uses. */
export interface LevelDb {
  location: string;
  status: string;
  open(): Promise<void>;
  compactRange(start: string, end: string): Promise<void>;
}

/**
 * A LevelDB error inside the embedded engine (disk full, I/O error, damaged block). It carries
 * `statusCode` and `body`, so dynalite answers the request with a 500 instead of throwing the
 * error out of its callback (which would end the process with a raw stack trace).
 */
export class EngineFault extends Error {
  override readonly name = "EngineFault";
  readonly statusCode = 500;
  readonly body: { __type: string; message: string };
  constructor(
    readonly folder: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.body = {
      __type: "com.amazonaws.dynamodb.v20120810#InternalServerError",
      message: `${code}: ${message}`,
    };
  }
}

type Method = (this: LevelDb, ...a: unknown[]) => unknown;
interface LevelClass {
  prototype: Record<string, Method>;
}

const opened = new Map<string, LevelDb>();
const faults = new Map<string, EngineFault>();
let hooked = false;

/**
 * The error LevelDB gave, as an {@link EngineFault} recorded for its folder; a store that is not
 * open is left to dynalite (it reports "Database is closed").
 */
function fault(db: LevelDb, err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof EngineFault) return err;
  const e = err as Error & { code?: string; cause?: { message?: string } };
  if (e.code === "LEVEL_DATABASE_NOT_OPEN") return err;
  const detail = [e.message, e.cause?.message].filter(Boolean).join(": ");
  const f = new EngineFault(resolve(db.location), e.code ?? "LEVEL_ERROR", detail);
  faults.set(f.folder, f);
  return f;
}

function wrapAsync(proto: Record<string, Method>, name: string): void {
  const original = proto[name];
  if (!original) return;
  proto[name] = function (this: LevelDb, ...args: unknown[]) {
    const out = original.apply(this, args);
    return out instanceof Promise
      ? out.catch((err: unknown) => {
          throw fault(this, err);
        })
      : out;
  };
}

function wrapIterator(proto: Record<string, Method>, name: string): void {
  const original = proto[name];
  if (!original) return;
  proto[name] = function (this: LevelDb, ...args: unknown[]) {
    const it = original.apply(this, args) as { next: (...a: unknown[]) => Promise<unknown> };
    const next = it.next.bind(it);
    it.next = (...a: unknown[]) =>
      next(...a).catch((err: unknown) => {
        throw fault(this, err);
      });
    return it;
  };
}

/**
 * Hooks the LevelDB class dynalite instantiates (`level` resolved from dynalite's own folder):
 * records each opened store by folder, and turns every error of its reads and writes into an
 * {@link EngineFault}. Idempotent; must run before the engine opens its store.
 */
export function hookLevel(): void {
  if (hooked) return;
  hooked = true;
  const fromDynalite = createRequire(require.resolve("dynalite"));
  const { Level } = fromDynalite("level") as { Level: LevelClass };
  const proto = Level.prototype;
  const open = proto._open;
  if (!open) throw new Error("dynalite's level has no _open: cannot watch its stores");
  proto._open = function (this: LevelDb, ...args: unknown[]) {
    opened.set(resolve(this.location), this);
    return open.apply(this, args);
  };
  for (const m of ["put", "get", "del", "batch", "getMany"]) wrapAsync(proto, m);
  for (const m of ["keys", "values", "iterator"]) wrapIterator(proto, m);
}

/** The store opened in this process on `folder`, if any. */
export function openedLevel(folder: string): LevelDb | undefined {
  return opened.get(resolve(folder));
}

/** The last LevelDB error of the store on `folder` in this process, or null. */
export function lastEngineFault(folder?: string): EngineFault | null {
  if (folder) return faults.get(resolve(folder)) ?? null;
  return [...faults.values()].at(-1) ?? null;
}

/** Forgets the store on `folder` (after the engine closed). */
export function forgetLevel(folder: string): void {
  opened.delete(resolve(folder));
}
