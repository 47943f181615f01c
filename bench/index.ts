import type { BenchSection } from "./section";
import { scanSection } from "./sections/scan";
import { handlersSection } from "./sections/handlers";
import { ingestSection } from "./sections/ingest";
import { localSection } from "./sections/local";
import { localLoadSection } from "./sections/local-load";
import { backtestSection } from "./sections/backtest";
import { cliSection } from "./sections/cli";

/** Every benchmark section, in run order. Each lives in bench/sections/<key>.ts. */
export const SECTIONS: BenchSection[] = [
  scanSection,
  handlersSection,
  ingestSection,
  backtestSection,
  cliSection,
  localSection,
  localLoadSection,
];
