import type { Command } from "commander";
import { registerBacktest } from "./backtest";
import { registerBackup } from "./backup";
import { registerBench } from "./bench";
import { registerCheckExits } from "./check-exits";
import { registerClose } from "./close";
import { registerEnter } from "./enter";
import { registerEnterAuto } from "./enter-auto";
import { registerHistory } from "./history";
import { registerPositions } from "./positions";
import { registerRestore } from "./restore";
import { registerConfig } from "./config";
import { registerDay } from "./day";
import { registerSim } from "./sim";
import { registerStart } from "./start";
import { registerStream } from "./stream";
import { registerTastyHealth } from "./tasty-health";
import { registerTradeIdeas } from "./trade-ideas";

/** Every command of the `stratdeck` CLI, one file each. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerStart,
  registerConfig,
  registerBench,
  registerEnterAuto,
  registerEnter,
  registerPositions,
  registerCheckExits,
  registerClose,
  registerHistory,
  registerSim,
  registerTastyHealth,
  registerTradeIdeas,
  registerStream,
  registerDay,
  registerBacktest,
  registerBackup,
  registerRestore,
];
