import { Command, CommanderError, Option } from "commander";
import { COMMANDS, examplesHelp } from "./commands/index";
import { setCliContext } from "./support/cli-context";
import { commanderFailure, printFailure } from "./support/cli-errors";
import { chooseLogFormat } from "./support/cli-log";
import { invokedCommand } from "./support/invoked-command";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** `--json` anywhere: usage errors then print the JSON error body on stdout instead of text. */
const jsonWanted = process.argv.includes("--json");

const program = new Command();
// Set before the commands are created: they inherit both (usage errors exit 2, see cli-errors.ts).
program.exitOverride().configureOutput({
  outputError: (text, write) => {
    if (!jsonWanted) write(text);
  },
});
program
  .name("stratdeck")
  .description("StratDeck: streaming-first, paper-by-default options engine for tastytrade")
  .version("0.1.0")
  .option("--ephemeral", "use a throwaway in-memory store for this run instead of the state folder")
  .option("--quiet", "no log lines on stderr (the command's own output still prints)")
  .addOption(
    new Option(
      "--log-format <format>",
      "log lines on stderr: pretty (short human lines, WARN and above) or json; default pretty on a terminal, else json",
    ).choices(["json", "pretty"]),
  )
  .showHelpAfterError()
  .configureHelp({
    subcommandTerm: (cmd) => {
      const entry = COMMANDS.find((c) => c.name === cmd.name());
      if (!entry) return `${cmd.name()} [command]`;
      return `${cmd.name()} [options]${entry.args ? ` ${entry.args}` : ""}`;
    },
  })
  .hook("preAction", (_root, command) => {
    const global = program.opts<{ ephemeral?: boolean; quiet?: boolean; logFormat?: "json" | "pretty" }>();
    setCliContext({
      ephemeral: global.ephemeral === true,
      command: command.name(),
      json: command.opts<{ json?: boolean }>().json === true,
      quiet: global.quiet === true,
      levelChosen: (process.env.STRATDECK_LOG_LEVEL ?? "") !== "",
      logFormat: chooseLogFormat({
        flag: global.logFormat,
        stderrIsTTY: process.stderr.isTTY === true,
        env: process.env,
        command: command.name(),
      }),
    });
  });

// Only the command being run is loaded; the others are listed by name and summary for help.
const wanted = invokedCommand(process.argv.slice(2));
for (const entry of COMMANDS) {
  const command = program
    .command(entry.name)
    .description(entry.summary)
    .addHelpText("after", examplesHelp(entry.examples));
  if (entry.name === wanted) (await entry.load())(command);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  const failure = commanderFailure(err);
  process.exitCode = failure?.exit ?? 0;
  if (failure && jsonWanted) printFailure(failure, true);
}
