import { readFile } from "node:fs/promises";
import { StrategiesConfigError } from "./config-error";
import type { StrategiesConfig } from "./config-types";
import { validateStrategies } from "./config-validate";

/** A strategies file's text, or a {@link StrategiesConfigError} naming the file. */
export async function readStrategiesText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    throw new StrategiesConfigError(
      [{ path: "", message: `cannot read file: ${(err as Error).message}` }],
      path,
    );
  }
}

/** Validates the JSON compiled from strategies.yaml (`compileStrategiesYaml`); errors name the key path. */
export function parseStrategiesJson(text: string, file?: string): StrategiesConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StrategiesConfigError([{ path: "", message: `invalid JSON: ${(err as Error).message}` }], file);
  }
  return validateStrategies(raw, file);
}

/**
 * Reads and validates the compiled strategies JSON Lambda ships: the same rules as the YAML,
 * without the YAML parser in the bundle.
 */
export async function loadStrategiesJson(path: string): Promise<StrategiesConfig> {
  return parseStrategiesJson(await readStrategiesText(path), path);
}
