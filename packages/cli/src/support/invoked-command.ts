/** Program options that take a value (their value is not the command's name). */
const VALUE_OPTIONS = new Set(["--log-format"]);

/**
 * The command a `stratdeck` command line runs (`help <name>` counts as `<name>`), or undefined
 * when it names none. Only that command's module is then loaded.
 */
export function invokedCommand(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i] ?? "";
    if (a === "--") break;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith("-")) words.push(a);
  }
  return words[0] === "help" ? words[1] : words[0];
}
