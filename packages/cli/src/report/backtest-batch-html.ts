import type { SeedsSummary, Spread, SpreadTable, SweepSummary } from "@stratdeck/sim/backtest";
import { pct, STRATEGY_COLUMNS, strategyCells, usd } from "./backtest-html";
import { REPORT_STYLE, stackRow } from "./report-style";
import { esc } from "./svg-charts";

/** Rows of the seeds table: label and how to show a value of the statistic. */
const SEED_ROWS: [keyof SpreadTable, string, (x: number) => string][] = [
  ["trades", "trades", (x) => x.toFixed(0)],
  ["winRate", "win rate", (x) => pct(x)],
  ["avgWinCents", "avg win", usd],
  ["avgLossCents", "avg loss", usd],
  ["profitFactor", "profit factor", (x) => x.toFixed(2)],
  ["expectancyCents", "expectancy / trade", usd],
  ["pnlPerRiskDay", "expectancy / risk-day", (x) => `${(x * 100).toFixed(3)}%`],
  ["worstTradeCents", "worst trade", usd],
  ["p10TradeCents", "10th pct trade", usd],
  ["maxDrawdownCents", "max drawdown", (x) => usd(-x)],
  ["annualReturnOnRisk", "return on risk / yr", (x) => pct(x)],
  ["sharpe", "Sharpe", (x) => x.toFixed(2)],
  ["totalNetPnlCents", "net P&amp;L", usd],
];

const range = (s: Spread | undefined, f: (x: number) => string): string =>
  s ? `${f(s.median)} <small>[${f(s.p5)} … ${f(s.p95)}]</small>` : "—";

function seedsTable(doc: SeedsSummary): string {
  const tables: Record<string, SpreadTable> = { all: doc.overall, ...doc.byStrategy };
  const names = Object.keys(tables);
  const labels = ["statistic", ...names];
  const rows = SEED_ROWS.map(([key, label, f]) =>
    stackRow(labels, [label, ...names.map((n) => range(tables[n]?.[key], f))], ` data-stat="${key}"`),
  );
  const quiet = Object.entries(doc.noTrade).map(
    ([n, e]) =>
      `<li data-strategy="${esc(n)}"><strong>${esc(n)}</strong>: no trade in ${e.runs} of ${doc.seeds.length} runs. ${esc(e.reasons[0] ?? "")}.</li>`,
  );
  return (
    `<h2>Median [5 % … 95 %] over ${doc.seeds.length} seeds (${doc.seeds[0]}–${doc.seeds.at(-1)})</h2>` +
    `<div class="card wide-table"><table id="seeds" class="stack"><thead><tr>${labels.map((l) => `<th>${esc(l)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>` +
    (quiet.length
      ? `<h2>Strategies with no trade</h2><div class="card" id="no-trade"><ul class="quiet">${quiet.join("")}</ul></div>`
      : "")
  );
}

/** Red (worst) to green (best) for a value within [lo, hi]. */
function heat(v: number, lo: number, hi: number): string {
  const f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  return `hsl(${Math.round(f * 120)},70%,${Math.round(55 + 10 * Math.abs(f - 0.5))}%)`;
}

function heatmap(doc: SweepSummary): string {
  const [rowAxis, colAxis] = doc.axes;
  if (!rowAxis) return "";
  const cols = colAxis?.values ?? [Number.NaN];
  const nets = doc.cells.map((c) => c.overall.totalNetPnlCents);
  const lo = Math.min(...nets);
  const hi = Math.max(...nets);
  const cellOf = (r: number, c: number) =>
    doc.cells.find((x) => x.params[rowAxis.key] === r && (!colAxis || x.params[colAxis.key] === c));
  const body = rowAxis.values.map((r) => {
    const tds = cols.map((c) => {
      const cell = cellOf(r, c);
      const net = cell?.overall.totalNetPnlCents ?? 0;
      return `<td class="cell" data-net="${net}" style="background:${heat(net, lo, hi)}">${usd(net)}<br><small>${cell?.overall.trades ?? 0} tr · ${pct(cell?.overall.winRate ?? 0, 0)}</small></td>`;
    });
    return `<tr><th>${r}</th>${tds.join("")}</tr>`;
  });
  const head = colAxis
    ? `<tr><th>${esc(rowAxis.key)} ↓ / ${esc(colAxis.key)} →</th>${cols.map((c) => `<th>${c}</th>`).join("")}</tr>`
    : `<tr><th>${esc(rowAxis.key)}</th><th>net P&amp;L</th></tr>`;
  return `<h2>Heatmap: net P&amp;L (trades · win rate)</h2><div class="card wide-table"><table id="heatmap" class="heat"><thead>${head}</thead><tbody>${body.join("")}</tbody></table></div>`;
}

function sweepTable(doc: SweepSummary): string {
  const keys = doc.axes.map((a) => a.key);
  const labels = [...keys, ...STRATEGY_COLUMNS.slice(1)];
  const rows = doc.cells.map((c) =>
    stackRow(
      labels,
      [...keys.map((k) => String(c.params[k])), ...strategyCells("", c.overall).slice(1)],
      ` class="cell-row"`,
    ),
  );
  return `<h2>Grid (all strategies together)</h2><div class="card wide-table"><table id="sweep" class="stack"><thead><tr>${labels.map((l) => `<th>${esc(l)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** The `--seeds` or `--sweep` report: one self-contained HTML file, readable on a phone. */
export function batchHtml(doc: SeedsSummary | SweepSummary): string {
  const title =
    doc.kind === "seeds"
      ? `${doc.seeds.length} seeds`
      : `sweep ${doc.axes.map((a) => `${a.key} = ${a.values.join(", ")}`).join(" × ")}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>StratDeck backtest ${esc(doc.from)} – ${esc(doc.to)}: ${esc(title)}</title><style>${REPORT_STYLE}</style></head>
<body><main>
<h1>Backtest ${esc(doc.from)} – ${esc(doc.to)}</h1>
<div class="sub">${esc(title)} · ${esc(doc.market)} · strategy ${esc(doc.strategy)}</div>
<div class="note">${esc(doc.note)}</div>
${doc.kind === "seeds" ? seedsTable(doc) : heatmap(doc) + sweepTable(doc)}
</main></body></html>
`;
}
