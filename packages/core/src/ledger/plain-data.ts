/**
 * A deep copy of plain data (objects with Object's or a null prototype, arrays, primitives), as
 * `structuredClone` makes it but several times faster: the in-memory stores copy every record on
 * each read and write, and a year's backtest reads records millions of times. Anything else
 * (a Date, a Map, a class instance, a sparse array) is copied by `structuredClone`; a function
 * throws as it does there. Shared references are copied apart and a cycle is not supported (store
 * records are trees).
 */
export function clonePlain<T>(value: T): T {
  if (typeof value === "function") throw new TypeError("clonePlain: a function cannot be cloned");
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return cloneArray(value) as T;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = clonePlain((value as Record<string, unknown>)[key]);
  return out as T;
}

function cloneArray(value: unknown[]): unknown[] {
  if (Object.getPrototypeOf(value) !== Array.prototype) return structuredClone(value);
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return structuredClone(value);
    out[i] = clonePlain(value[i]);
  }
  return out;
}

/**
 * Freezes plain data deeply (objects and arrays; what is already frozen is left as it is) and
 * returns it: data shared between readers is frozen so that a reader writing to it throws instead
 * of changing what the others read.
 */
export function freezePlain<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) freezePlain((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
