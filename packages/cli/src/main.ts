import { Command, Option } from "commander";
import { COMMANDS } from "./commands/index";
import { setCliContext } from "./support/cli-context";
import { chooseLogFormat } from "./support/cli-log";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const program = new Command();
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
for (const register of COMMANDS) register(program);

await program.parseAsync(process.argv);
