/** One plotted value. */
export interface SeriesPoint {
  label: string;
  /** Plotted value (the chart's unit, e.g. dollars). */
  value: number;
}

/** Width of a chart drawn for a wide screen and for a phone (viewBox units ≈ CSS px at full width). */
export const WIDE = 760;
export const NARROW = 360;
const H = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 24 };

/** Escapes text for HTML and SVG. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const money = (v: number): string =>
  `${v < 0 ? "−" : ""}$${Math.abs(v).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;

function scale(values: readonly number[]): { y: (v: number) => number; lo: number; hi: number } {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const span = hi - lo;
  lo -= span * 0.05;
  hi += span * 0.05;
  const y = (v: number): number => PAD.top + ((hi - v) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  return { y, lo, hi };
}

/** A second line drawn behind the first (e.g. buy-and-hold), labelled in the legend. */
export interface CompareSeries {
  label: string;
  points: readonly SeriesPoint[];
}

/** Options of a chart. */
export interface ChartOptions {
  /** viewBox width (default {@link WIDE}); {@link NARROW} for the phone copy. */
  width?: number;
  /** Draw as a filled area (drawdowns). */
  area?: boolean;
  compare?: CompareSeries;
  /** Extra class (`wide`, `narrow`). */
  cls?: string;
}

function frame(
  kind: string,
  title: string,
  body: string,
  lo: number,
  hi: number,
  y: (v: number) => number,
  W: number,
  cls: string,
): string {
  const x0 = PAD.left;
  const x1 = W - PAD.right;
  const tick = (v: number, dy: number): string =>
    `<text class="tick" x="${x0 - 6}" y="${(y(v) + dy).toFixed(1)}" text-anchor="end">${v === 0 ? "$0" : money(v)}</text>`;
  // Edge labels only where they do not collide with the zero label.
  const labels = [
    tick(0, 4),
    ...(y(0) - y(hi) > 16 ? [tick(hi, 10)] : []),
    ...(y(lo) - y(0) > 16 ? [tick(lo, 0)] : []),
  ];
  return (
    `<svg class="chart ${cls}" data-chart="${kind}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">` +
    `<line class="zero" x1="${x0}" x2="${x1}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}"/>` +
    labels.join("") +
    body +
    `</svg>`
  );
}

/**
 * A line (or filled area, for drawdowns) over a daily series, one marker per point carrying its
 * label and value (`data-label`, `data-value`) so a reader — or a test — can check what is drawn.
 */
export function seriesChart(
  kind: string,
  title: string,
  points: readonly SeriesPoint[],
  options: ChartOptions = {},
): string {
  const W = options.width ?? WIDE;
  const area = options.area ?? false;
  const other = options.compare?.points ?? [];
  const { y, lo, hi } = scale([...points.map((p) => p.value), ...other.map((p) => p.value)]);
  const n = Math.max(1, points.length - 1);
  const x = (i: number): number => PAD.left + (i / n) * (W - PAD.left - PAD.right);
  const xy = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  const shape = area
    ? `<polygon class="area" points="${x(0).toFixed(1)},${y(0).toFixed(1)} ${xy.join(" ")} ${x(points.length - 1).toFixed(1)},${y(0).toFixed(1)}"/>`
    : `<polyline class="line" points="${xy.join(" ")}"/>`;
  const compare = options.compare
    ? `<polyline class="compare" data-label="${esc(options.compare.label)}" points="${other.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ")}"/>` +
      `<text class="tick legend" x="${PAD.left + 6}" y="${PAD.top + 10}">— strategy   ┈ ${esc(options.compare.label)}</text>`
    : "";
  const marks = points
    .map(
      (p, i) =>
        `<circle class="pt" data-label="${esc(p.label)}" data-value="${p.value}" cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2"><title>${esc(p.label)}: ${money(p.value)}</title></circle>`,
    )
    .join("");
  const first = points[0]?.label ?? "";
  const last = points.at(-1)?.label ?? "";
  const axis =
    `<text class="tick" x="${PAD.left}" y="${H - 6}">${esc(first)}</text>` +
    `<text class="tick" x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${esc(last)}</text>`;
  return frame(kind, title, compare + shape + marks + axis, lo, hi, y, W, options.cls ?? "");
}

/** One histogram bin: values in [from, to). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width bins over the values (the last bin includes its upper edge). */
export function binsOf(values: readonly number[], count = 12): Bin[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = hi > lo ? (hi - lo) / count : 1;
  const bins = Array.from({ length: hi > lo ? count : 1 }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(bins.length - 1, Math.floor((v - lo) / width));
    (bins[i] as Bin).count += 1;
  }
  return bins;
}

/** A histogram of bins; each bar carries `data-count`, `data-from`, `data-to`. */
export function histogram(
  kind: string,
  title: string,
  bins: readonly Bin[],
  options: Pick<ChartOptions, "width" | "cls"> = {},
): string {
  const W = options.width ?? WIDE;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const y = (c: number): number => PAD.top + (1 - c / top) * (H - PAD.top - PAD.bottom);
  const slot = (W - PAD.left - PAD.right) / Math.max(1, bins.length);
  const bars = bins
    .map((b, i) => {
      const x = PAD.left + i * slot + 2;
      const cls = b.to <= 0 ? "bar loss" : b.from >= 0 ? "bar win" : "bar mixed";
      return (
        `<rect class="${cls}" data-count="${b.count}" data-from="${b.from}" data-to="${b.to}" x="${x.toFixed(1)}" y="${y(b.count).toFixed(1)}" width="${(slot - 4).toFixed(1)}" height="${(y(0) - y(b.count)).toFixed(1)}"><title>${money(b.from)} to ${money(b.to)}: ${b.count}</title></rect>` +
        `<text class="tick" x="${(x + (slot - 4) / 2).toFixed(1)}" y="${(y(b.count) - 3).toFixed(1)}" text-anchor="middle">${b.count || ""}</text>`
      );
    })
    .join("");
  const axis =
    `<text class="tick" x="${PAD.left}" y="${H - 6}">${money(bins[0]?.from ?? 0)}</text>` +
    `<text class="tick" x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${money(bins.at(-1)?.to ?? 0)}</text>` +
    `<line class="zero" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}"/>`;
  return `<svg class="chart ${options.cls ?? ""}" data-chart="${kind}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${bars}${axis}</svg>`;
}
