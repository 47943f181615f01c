import { Command } from "commander";
import { COMMANDS } from "./commands/index";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const program = new Command();
program
  .name("stratdeck")
  .description("StratDeck: streaming-first, paper-by-default options engine for tastytrade")
  .version("0.1.0")
  .showHelpAfterError();
for (const register of COMMANDS) register(program);

await program.parseAsync(process.argv);
