import type { BacktestResult, BacktestTrade, TradeStats } from "@stratdeck/sim/backtest";
import { binsOf, esc, histogram, seriesChart } from "./svg-charts";

const usd = (cents: number): string =>
  `${cents < 0 ? "−" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (f: number): string => `${(f * 100).toFixed(1)}%`;
const sign = (cents: number): string => (cents > 0 ? "win" : cents < 0 ? "loss" : "");

function tiles(s: TradeStats): string {
  const tile = (label: string, value: string, cls = ""): string =>
    `<div class="tile ${cls}"><div class="label">${label}</div><div class="value">${value}</div></div>`;
  return [
    tile("Net P&amp;L", usd(s.totalNetPnlCents), sign(s.totalNetPnlCents)),
    tile("Trades", String(s.trades)),
    tile("Win rate", pct(s.winRate)),
    tile("Avg win / loss", `${usd(s.avgWinCents)} / ${usd(s.avgLossCents)}`),
    tile("Profit factor", s.profitFactor === null ? "—" : s.profitFactor.toFixed(2)),
    tile("Max drawdown", usd(-s.maxDrawdownCents), s.maxDrawdownCents > 0 ? "loss" : ""),
    tile("P&amp;L per day of risk", `${(s.pnlPerRiskDay * 100).toFixed(3)}%`),
    tile("Fees", usd(s.totalFeesCents)),
  ].join("");
}

function strategyRows(r: BacktestResult): string {
  return Object.entries(r.stats.byStrategy)
    .map(
      ([name, s]) =>
        `<tr><td>${esc(name)}</td><td>${s.trades}</td><td>${pct(s.winRate)}</td><td>${usd(s.avgWinCents)}</td><td>${usd(s.avgLossCents)}</td>` +
        `<td>${s.profitFactor === null ? "—" : s.profitFactor.toFixed(2)}</td><td>${usd(-s.maxDrawdownCents)}</td>` +
        `<td>${(s.pnlPerRiskDay * 100).toFixed(3)}%</td><td class="${sign(s.totalNetPnlCents)}">${usd(s.totalNetPnlCents)}</td></tr>`,
    )
    .join("");
}

function tradeRow(t: BacktestTrade): string {
  const legs = t.legs.map((l) => `${l.side === "short" ? "−" : "+"}${l.strike}${l.optionType}`).join(" ");
  return (
    `<tr class="trade" data-position="${esc(t.positionId)}" data-net="${t.netPnlCents}">` +
    `<td>${esc(t.entry.time.slice(0, 16).replace("T", " "))}</td><td>${esc(t.strategy)}</td><td>${esc(t.underlying)}</td>` +
    `<td>${esc(t.expiration)} ${t.settlement}</td><td>${esc(legs)}</td><td>${t.entry.price.toFixed(2)}</td>` +
    `<td>${t.exit ? esc(t.exit.time.slice(0, 16).replace("T", " ")) : "—"}</td><td>${t.exit ? t.exit.price.toFixed(2) : "—"}</td>` +
    `<td>${esc(t.reason)}</td><td>${usd(t.feesCents)}</td>` +
    `<td class="${sign(t.netPnlCents)}">${usd(t.netPnlCents)}</td></tr>`
  );
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#0f172a;color:#e2e8f0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;color:#cbd5e1}
.sub{color:#94a3b8}.note{background:#1e293b;border-left:3px solid #f59e0b;padding:8px 12px;margin:14px 0;color:#fcd34d}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px;margin-top:14px}
.tile{background:#1e293b;border-radius:10px;padding:10px 12px}.tile .label{color:#94a3b8;font-size:12px}.tile .value{font-size:20px;font-weight:600}
.win{color:#4ade80}.loss{color:#f87171}
.card{background:#1e293b;border-radius:10px;padding:12px}
.chart{width:100%;height:auto;display:block}
.chart .line{fill:none;stroke:#38bdf8;stroke-width:2}.chart .area{fill:#f8717155;stroke:#f87171;stroke-width:1.5}
.chart .pt{fill:#38bdf8;opacity:.0}.chart .pt:hover{opacity:1}
.chart .zero{stroke:#475569;stroke-dasharray:4 3}.chart .tick{fill:#94a3b8;font-size:11px}
.chart .bar.win{fill:#4ade80}.chart .bar.loss{fill:#f87171}.chart .bar.mixed{fill:#fbbf24}
table{width:100%;border-collapse:collapse;font-size:13px}th,td{padding:5px 8px;text-align:right;border-bottom:1px solid #334155;white-space:nowrap}
th{color:#94a3b8;font-weight:500;position:sticky;top:0;background:#1e293b}td:nth-child(-n+5),th:nth-child(-n+5){text-align:left}
.scroll{max-height:520px;overflow:auto}
`;

/**
 * The backtest report as one self-contained HTML file (inline CSS and SVG, no script, no network):
 * summary tiles, per-strategy table, equity curve, drawdown, P&L distribution and the trade table.
 */
export function backtestHtml(r: BacktestResult): string {
  const equity = r.equity.map((p) => ({ label: p.date, value: p.equityCents / 100 }));
  const drawdown = r.equity.map((p) => ({
    label: p.date,
    value: p.drawdownCents ? -p.drawdownCents / 100 : 0,
  }));
  const bins = binsOf(r.trades.map((t) => t.netPnlCents / 100));
  const origin = r.market === "synthetic" ? `synthetic market, seed ${r.seed}` : "replayed recording";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>StratDeck backtest ${esc(r.from)} – ${esc(r.to)}</title><style>${STYLE}</style></head>
<body><main>
<h1>Backtest ${esc(r.from)} – ${esc(r.to)}</h1>
<div class="sub">${r.tradingDays} trading days · ${esc(origin)} · strategy ${esc(r.strategy)} · exits ${esc(r.exitPolicy)}</div>
<div class="note">${esc(r.note)}</div>
<section class="tiles" id="summary">${tiles(r.stats.overall)}</section>
<h2>Equity curve (realised + open positions marked at each close)</h2>
<div class="card">${seriesChart("equity", "Equity curve, dollars", equity)}</div>
<h2>Drawdown from the running peak</h2>
<div class="card">${seriesChart("drawdown", "Drawdown, dollars", drawdown, true)}</div>
<h2>Distribution of trade P&amp;L (net, dollars)</h2>
<div class="card">${histogram("distribution", "Trade P&L distribution", bins)}</div>
<h2>By strategy</h2>
<div class="card"><table id="strategies"><thead><tr><th>strategy</th><th>trades</th><th>win rate</th><th>avg win</th><th>avg loss</th><th>profit factor</th><th>max drawdown</th><th>P&amp;L/risk-day</th><th>net P&amp;L</th></tr></thead><tbody>${strategyRows(r)}</tbody></table></div>
<h2>Trades (${r.trades.length})</h2>
<div class="card scroll"><table id="trades"><thead><tr><th>entry (UTC)</th><th>strategy</th><th>underlying</th><th>expiration</th><th>legs</th><th>credit</th><th>exit (UTC)</th><th>debit</th><th>reason</th><th>fees</th><th>net</th></tr></thead><tbody>${r.trades.map(tradeRow).join("")}</tbody></table></div>
</main></body></html>
`;
}
