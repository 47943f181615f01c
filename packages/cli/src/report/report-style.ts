import { NARROW, type ChartOptions } from "./svg-charts";

/**
 * The report's CSS. Below 640 px wide (a phone), tables marked `stack` turn each row into a card
 * of "label value" lines and the charts switch to their narrow copies, so labels stay at their
 * font size instead of shrinking with the picture.
 */
export const REPORT_STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#0f172a;color:#e2e8f0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;color:#cbd5e1}
.sub{color:#94a3b8}.note{background:#1e293b;border-left:3px solid #f59e0b;padding:8px 12px;margin:14px 0;color:#fcd34d}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px;margin-top:14px}
.tile{background:#1e293b;border-radius:10px;padding:10px 12px}.tile .label{color:#94a3b8;font-size:12px}.tile .value{font-size:20px;font-weight:600}
.win{color:#4ade80}.loss{color:#f87171}
.card{background:#1e293b;border-radius:10px;padding:12px}
.chart{width:100%;height:auto;display:block}.chart.narrow{display:none}
.chart .line{fill:none;stroke:#38bdf8;stroke-width:2}.chart .area{fill:#f8717155;stroke:#f87171;stroke-width:1.5}
.chart .compare{fill:none;stroke:#a78bfa;stroke-width:1.5;stroke-dasharray:5 3}
.chart .pt{fill:#38bdf8;opacity:.0}.chart .pt:hover{opacity:1}
.chart .zero{stroke:#475569;stroke-dasharray:4 3}.chart .tick{fill:#94a3b8;font-size:11px}
.chart .bar.win{fill:#4ade80}.chart .bar.loss{fill:#f87171}.chart .bar.mixed{fill:#fbbf24}
table{width:100%;border-collapse:collapse;font-size:13px}th,td{padding:5px 8px;text-align:right;border-bottom:1px solid #334155;white-space:nowrap}
th{color:#94a3b8;font-weight:500;position:sticky;top:0;background:#1e293b}td:first-child,th:first-child{text-align:left}
.scroll{max-height:520px;overflow:auto}.wide-table{overflow-x:auto}
ul.quiet{margin:6px 0;padding-left:18px}ul.quiet li{margin:4px 0}
.heat td.cell{color:#0f172a;font-weight:600;text-align:center}
@media (max-width:640px){
main{padding:12px}
.chart.wide{display:none}.chart.narrow{display:block}
.tiles{grid-template-columns:repeat(2,1fr)}
table.stack thead{display:none}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
table.stack tr{border-bottom:2px solid #334155;padding:6px 0}
table.stack td{display:flex;justify-content:space-between;gap:12px;border:0;padding:3px 4px;white-space:normal;text-align:right}
table.stack td::before{content:attr(data-label);color:#94a3b8;text-align:left}
table.stack td:first-child{font-weight:600}
}
`;

/** A chart twice: the wide copy and the phone copy (the CSS shows one). */
export function bothWidths(draw: (o: Pick<ChartOptions, "width" | "cls">) => string): string {
  return draw({ cls: "wide" }) + draw({ width: NARROW, cls: "narrow" });
}

/** A table row whose cells carry their column's label (shown beside the value on a phone). */
export function stackRow(labels: readonly string[], cells: readonly string[], attrs = ""): string {
  return `<tr${attrs}>${cells.map((c, i) => `<td data-label="${labels[i] ?? ""}">${c}</td>`).join("")}</tr>`;
}
