import { LineCounter, parseDocument } from "yaml";
import { StrategiesConfigError } from "./config-error";
import { lineOf } from "./config-lines";
import { parseStrategiesJson, readStrategiesText } from "./config-load";
import type { StrategiesConfig } from "./config-types";
import { validateStrategies } from "./config-validate";

/** The YAML document as plain data, or a {@link StrategiesConfigError} naming the line of each syntax error. */
function readYaml(text: string, file?: string) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      path: "",
      message: e.message.split("\n")[0] ?? e.code,
      line: e.linePos?.[0]?.line,
    }));
    throw new StrategiesConfigError(issues, file);
  }
  return { doc, counter, raw: doc.toJS() as unknown };
}

/**
 * Parses and validates strategies.yaml ({@link validateStrategies}); every problem names its key
 * path and line.
 */
export function parseStrategiesYaml(text: string, file?: string): StrategiesConfig {
  const { doc, counter, raw } = readYaml(text, file);
  return validateStrategies(raw, file, (path) => lineOf(doc, counter, path));
}

/**
 * strategies.yaml validated, then as the JSON Lambda reads (`loadStrategiesFile` on a `.json`
 * path): the same document without the YAML parser in the function bundle.
 */
export function compileStrategiesYaml(text: string, file?: string): string {
  parseStrategiesYaml(text, file);
  return `${JSON.stringify(readYaml(text, file).raw, null, 2)}\n`;
}

/**
 * Reads and validates a strategies file: `strategies.yaml` (errors name the file, the key path and
 * the line), or the JSON compiled from it (path ending `.json`).
 */
export async function loadStrategiesFile(path: string): Promise<StrategiesConfig> {
  const text = await readStrategiesText(path);
  return path.endsWith(".json") ? parseStrategiesJson(text, path) : parseStrategiesYaml(text, path);
}
