import type { StrategiesConfig, StrategyRules } from "@stratdeck/core/strategies";

/** One swept parameter: a key and the values to try. */
export interface SweepAxis {
  /** As given: `[strategy.]path` in strategies.yaml's spelling (`filters.min_credit_per_width`). */
  key: string;
  values: number[];
}

/** One cell of a sweep grid: the value of each axis. */
export type SweepCell = Record<string, number>;

/** A sweep key that names no numeric rule, or a bad value: exit 2, naming the key. */
export class SweepKeyError extends Error {
  override readonly name = "SweepKeyError";
}

const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The numeric leaves of a strategy's rules in strategies.yaml's spelling (`dte.target`, `width.SPX`). */
export function sweepableKeys(rules: StrategyRules): string[] {
  const out: string[] = [];
  const walk = (o: unknown, path: string[]): void => {
    if (typeof o === "number") out.push(path.join("."));
    else if (o && typeof o === "object" && !Array.isArray(o))
      for (const [k, v] of Object.entries(o)) walk(v, [...path, /^[A-Z]+$/.test(k) ? k : snake(k)]);
  };
  walk(rules, []);
  return out.sort();
}

/** Which strategies a key applies to and the rule path inside each. */
function targetOf(key: string, config: StrategiesConfig, scanned: readonly string[]) {
  const [head, ...rest] = key.split(".");
  const named = head !== undefined && head in config.strategies && rest.length > 0;
  return { strategies: named ? [head] : [...scanned], path: (named ? rest : key.split(".")).map(camel) };
}

function getAt(o: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    o,
  );
}

/**
 * Parses `KEY=a,b,c`, checking KEY against the strategies it applies to (`strategy.path` for one
 * strategy, `path` for every scanned strategy): it must name a numeric rule of each, else a
 * {@link SweepKeyError} naming the key and the keys that exist.
 */
export function parseSweep(text: string, config: StrategiesConfig, scanned: readonly string[]): SweepAxis {
  const eq = text.indexOf("=");
  const key = eq > 0 ? text.slice(0, eq).trim() : "";
  if (!key) throw new SweepKeyError(`--sweep must be KEY=a,b,c, got "${text}"`);
  const values = text
    .slice(eq + 1)
    .split(",")
    .map((v) => v.trim());
  const nums = values.map(Number);
  if (values.length === 0 || values.some((v, i) => v === "" || !Number.isFinite(nums[i])))
    throw new SweepKeyError(
      `--sweep ${key}: values must be numbers separated by commas, got "${text.slice(eq + 1)}"`,
    );
  const target = targetOf(key, config, scanned);
  for (const name of target.strategies) {
    const rules = config.strategies[name as keyof StrategiesConfig["strategies"]];
    if (!rules || typeof getAt(rules, target.path) !== "number")
      throw new SweepKeyError(
        `--sweep key "${key}" is not a numeric rule of ${name} (known: ${rules ? sweepableKeys(rules).join(", ") : "none"})`,
      );
  }
  return { key, values: nums };
}

/** The grid of one or two axes (row-major: the first axis varies slowest). */
export function sweepGrid(axes: readonly SweepAxis[]): SweepCell[] {
  return axes.reduce<SweepCell[]>(
    (cells, axis) => cells.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.key]: v }))),
    [{}],
  );
}

/** The strategies config with a cell's values set (a deep copy: the input is unchanged). */
export function applySweepCell(
  config: StrategiesConfig,
  cell: SweepCell,
  scanned: readonly string[],
): StrategiesConfig {
  const copy = structuredClone(config);
  for (const [key, value] of Object.entries(cell)) {
    const target = targetOf(key, copy, scanned);
    for (const name of target.strategies) {
      const parent = getAt(
        copy.strategies[name as keyof StrategiesConfig["strategies"]],
        target.path.slice(0, -1),
      );
      (parent as Record<string, number>)[target.path.at(-1) as string] = value;
    }
  }
  return copy;
}
