/** A one-off NYSE closure: a whole trading day the rule-based holidays do not predict. */
export interface SpecialClosure {
  /** `YYYY-MM-DD`, New York. */
  date: string;
  /** Why the exchange closed. */
  name: string;
  /** Where the closure was announced or recorded. */
  source: string;
}

/**
 * NYSE full-day closures outside the regular holiday rules (national days of mourning, weather,
 * emergencies) since 1990 (the earliest a replay's VIX history reaches), newest first. Add a line when the NYSE announces one; the stream task's scheduled
 * scaling is generated from the calendar, so a redeploy carries it to AWS.
 */
export const SPECIAL_CLOSURES: readonly SpecialClosure[] = [
  {
    date: "2025-01-09",
    name: "National Day of Mourning for President Jimmy Carter",
    source: "NYSE/ICE notice of 2024-12-30 (markets closed 2025-01-09)",
  },
  {
    date: "2018-12-05",
    name: "National Day of Mourning for President George H. W. Bush",
    source: "NYSE press release of 2018-12-01",
  },
  {
    date: "2012-10-30",
    name: "Hurricane Sandy (second day)",
    source: "NYSE Euronext announcement of 2012-10-29",
  },
  {
    date: "2012-10-29",
    name: "Hurricane Sandy",
    source: "NYSE Euronext announcement of 2012-10-28",
  },
  {
    date: "2007-01-02",
    name: "National Day of Mourning for President Gerald Ford",
    source: "NYSE announcement of 2006-12-28",
  },
  {
    date: "2004-06-11",
    name: "National Day of Mourning for President Ronald Reagan",
    source: "NYSE announcement of 2004-06-07",
  },
  { date: "2001-09-14", name: "September 11 attacks", source: "NYSE (markets closed 2001-09-11 to 09-14)" },
  { date: "2001-09-13", name: "September 11 attacks", source: "NYSE (markets closed 2001-09-11 to 09-14)" },
  { date: "2001-09-12", name: "September 11 attacks", source: "NYSE (markets closed 2001-09-11 to 09-14)" },
  { date: "2001-09-11", name: "September 11 attacks", source: "NYSE (markets closed 2001-09-11 to 09-14)" },
  {
    date: "1994-04-27",
    name: "National Day of Mourning for President Richard Nixon",
    source: "NYSE closure of 1994-04-27 (the S&P 500 has no bar that day)",
  },
];

const BY_DATE = new Map(SPECIAL_CLOSURES.map((c) => [c.date, c]));

/** The one-off closure on `date` (`YYYY-MM-DD`), if any. */
export function specialClosure(date: string): SpecialClosure | undefined {
  return BY_DATE.get(date);
}
