import type { Command } from "commander";
import { registerBench } from "./bench";
import { registerConfig } from "./config";
import { registerStart } from "./start";

/** Every command of the `stratdeck` CLI, one file each. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerStart,
  registerConfig,
  registerBench,
];
