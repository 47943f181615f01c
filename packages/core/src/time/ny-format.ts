import { nyParts } from "./new-york";

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** New York's zone abbreviation at an instant: `EDT` in daylight-saving time, else `EST`. */
export function nyZone(ms: number): "EST" | "EDT" {
  const p = nyParts(ms);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetHours = Math.round((Math.floor(ms / 1000) * 1000 - wallAsUtc) / 3_600_000);
  return offsetHours === 4 ? "EDT" : "EST";
}

/** An instant as a person reads it, in New York time with the zone: `2026-12-04 10:00 EST`. */
export function nyTimeText(ms: number): string {
  const p = nyParts(ms);
  return `${p.date} ${pad2(p.hour)}:${pad2(p.minute)} ${nyZone(ms)}`;
}

/** Hour and minute in New York with the zone, for a timeline within one day: `10:00 EST`. */
export function nyClockText(ms: number): string {
  const p = nyParts(ms);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${nyZone(ms)}`;
}
