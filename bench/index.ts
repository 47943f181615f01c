import type { BenchSection } from "./section";

/** Every benchmark section, in run order. Each lives in bench/sections/<key>.ts. */
export const SECTIONS: BenchSection[] = [];
