import { Command } from "commander";
import { COMMANDS } from "./commands/index";
import { setCliContext } from "./support/cli-context";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const program = new Command();
program
  .name("stratdeck")
  .description("StratDeck: streaming-first, paper-by-default options engine for tastytrade")
  .version("0.1.0")
  .option("--ephemeral", "use a throwaway in-memory store for this run instead of the state folder")
  .showHelpAfterError()
  .hook("preAction", (_root, command) => {
    setCliContext({
      ephemeral: program.opts<{ ephemeral?: boolean }>().ephemeral === true,
      command: command.name(),
      json: command.opts<{ json?: boolean }>().json === true,
    });
  });
for (const register of COMMANDS) register(program);

await program.parseAsync(process.argv);
