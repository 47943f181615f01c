import type { OptionChain } from "@stratdeck/core/market-data";

/** A one-root PM chain with the same strikes on every date; streamer symbols like `.SPXW261218C6000`. */
export function chain(underlying: string, root: string, dates: string[], strikes: number[]): OptionChain {
  return {
    underlying,
    fetchedAt: 0,
    roots: [
      {
        root,
        sharesPerContract: 100,
        tickSizes: [{ value: 0.05 }],
        expirations: dates.map((date) => ({
          date,
          dte: 0,
          settlement: "PM" as const,
          expirationType: "Weekly",
          strikes: strikes.map((k) => ({
            strike: k,
            callOcc: "",
            putOcc: "",
            callStreamer: `.${root}${date.replaceAll("-", "").slice(2)}C${k}`,
            putStreamer: `.${root}${date.replaceAll("-", "").slice(2)}P${k}`,
          })),
        })),
      },
    ],
  };
}
