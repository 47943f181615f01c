import { OptionError } from "./run";

/** A whole number option (`--seed`), or an OptionError naming it. */
export function intOption(flag: string, raw: string | undefined, min = 0, max = Number.MAX_SAFE_INTEGER) {
  if (raw === undefined) return undefined;
  const v = raw.trim();
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new OptionError(`${flag} must be a whole number between ${min} and ${max}, got "${raw}"`);
  return Number(v);
}

/** A TCP port option, 0-65535 (0 = any free port). */
export function portOption(flag: string, raw: string | undefined): number | undefined {
  return intOption(flag, raw, 0, 65_535);
}

/** A positive number option (`--speed`). */
export function positiveOption(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new OptionError(`${flag} must be a number greater than 0, got "${raw}"`);
  return n;
}

/** One of a fixed set of values (`--market-hours sim|nyse`). */
export function choiceOption<T extends string>(
  flag: string,
  raw: string | undefined,
  values: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase() as T;
  if (!values.includes(v)) throw new OptionError(`${flag} must be one of ${values.join(", ")}, got "${raw}"`);
  return v;
}
