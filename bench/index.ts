import type { BenchSection } from "./section";
import { scanSection } from "./sections/scan";
import { handlersSection } from "./sections/handlers";
import { ingestSection } from "./sections/ingest";
import { backtestSection } from "./sections/backtest";

/** Every benchmark section, in run order. Each lives in bench/sections/<key>.ts. */
export const SECTIONS: BenchSection[] = [scanSection, handlersSection, ingestSection, backtestSection];
