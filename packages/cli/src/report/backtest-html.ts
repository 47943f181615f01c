import type { BacktestResult, BacktestTrade, TradeStats } from "@stratdeck/sim/backtest";
import { nyTimeText } from "@stratdeck/core/time";
import { bothWidths, REPORT_STYLE, stackRow } from "./report-style";
import { binsOf, esc, histogram, seriesChart } from "./svg-charts";

/** Dollars and cents from cents, with a true minus sign. */
export const usd = (cents: number): string =>
  `${cents < 0 ? "−" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** A fraction as a percentage (— for null). */
export const pct = (f: number | null, dp = 1): string => (f === null ? "—" : `${(f * 100).toFixed(dp)}%`);
const sign = (cents: number): string => (cents > 0 ? "win" : cents < 0 ? "loss" : "");
const signed = (cents: number): string => `<span class="${sign(cents)}">${usd(cents)}</span>`;

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
    tile("Sharpe (daily equity)", s.sharpe === null ? "—" : s.sharpe.toFixed(2)),
    tile("Fees", usd(s.totalFeesCents)),
  ].join("");
}

/** Columns of the per-strategy table (also the labels a phone shows beside each value). */
export const STRATEGY_COLUMNS = [
  "strategy",
  "trades",
  "win rate",
  "avg win",
  "avg loss",
  "profit factor",
  "expectancy / trade",
  "expectancy / risk-day",
  "worst trade",
  "10th pct trade",
  "worst month",
  "max drawdown",
  "return on risk / yr",
  "Sharpe",
  "net P&amp;L",
];

/** The cells of one strategy's row, in {@link STRATEGY_COLUMNS} order. */
export function strategyCells(name: string, s: TradeStats): string[] {
  return [
    esc(name),
    String(s.trades),
    pct(s.winRate),
    usd(s.avgWinCents),
    usd(s.avgLossCents),
    s.profitFactor === null ? "—" : s.profitFactor.toFixed(2),
    usd(s.expectancyCents),
    `${(s.pnlPerRiskDay * 100).toFixed(3)}%`,
    usd(s.worstTradeCents),
    usd(s.p10TradeCents),
    s.worstMonth ? `${esc(s.worstMonth.month)} ${usd(s.worstMonth.pnlCents)}` : "—",
    usd(-s.maxDrawdownCents),
    pct(s.annualReturnOnRisk),
    s.sharpe === null ? "—" : s.sharpe.toFixed(2),
    signed(s.totalNetPnlCents),
  ];
}

function strategyTable(r: BacktestResult): string {
  const rows = Object.entries(r.stats.byStrategy).map(([name, s]) =>
    stackRow(STRATEGY_COLUMNS, strategyCells(name, s), ` data-strategy="${esc(name)}"`),
  );
  return (
    `<div class="wide-table"><table id="strategies" class="stack"><thead><tr>${STRATEGY_COLUMNS.map((c) => `<th>${c}</th>`).join("")}</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}

function quietList(r: BacktestResult): string {
  if (r.noTrade.length === 0) return "";
  const items = r.noTrade.map(
    (n) =>
      `<li data-strategy="${esc(n.strategy)}"><strong>${esc(n.strategy)}</strong>: no trade. ${esc(n.reason)}.</li>`,
  );
  return `<h2>Strategies with no trade</h2><div class="card" id="no-trade"><ul class="quiet">${items.join("")}</ul></div>`;
}

const TRADE_COLUMNS = [
  "entry (New York)",
  "strategy",
  "underlying",
  "expiration",
  "legs",
  "credit",
  "exit (New York)",
  "debit",
  "reason",
  "fees",
  "net",
];

function tradeRow(t: BacktestTrade): string {
  const legs = t.legs.map((l) => `${l.side === "short" ? "−" : "+"}${l.strike}${l.optionType}`).join(" ");
  return stackRow(
    TRADE_COLUMNS,
    [
      esc(nyTimeText(Date.parse(t.entry.time))),
      esc(t.strategy),
      esc(t.underlying),
      `${esc(t.expiration)} ${t.settlement}`,
      esc(legs),
      t.entry.price.toFixed(2),
      t.exit ? esc(nyTimeText(Date.parse(t.exit.time))) : "—",
      t.exit ? t.exit.price.toFixed(2) : "—",
      esc(t.reason),
      usd(t.feesCents),
      signed(t.netPnlCents),
    ],
    ` class="trade" data-position="${esc(t.positionId)}" data-net="${t.netPnlCents}"`,
  );
}

function originOf(r: BacktestResult): string {
  if (r.market === "synthetic") return `synthetic market, seed ${r.seed}`;
  if (r.market === "history") return `replay of daily history, intraday path seed ${r.seed}`;
  return "replayed recording";
}

/**
 * The backtest report as one self-contained HTML file (inline CSS and SVG, no script, no network):
 * summary tiles, per-strategy table, strategies without a trade and why, equity curve against
 * buy-and-hold, drawdown, P&L distribution and the trade table. Readable on a 390 px phone.
 */
export function backtestHtml(r: BacktestResult): string {
  const equity = r.equity.map((p) => ({ label: p.date, value: p.equityCents / 100 }));
  const bh = r.buyAndHold;
  const hold = bh.equityCents.map((c, i) => ({ label: r.equity[i]?.date ?? "", value: c / 100 }));
  const compare = { label: `buy-and-hold ${bh.underlying} on ${usd(bh.notionalCents)}`, points: hold };
  const drawdown = r.equity.map((p) => ({
    label: p.date,
    value: p.drawdownCents ? -p.drawdownCents / 100 : 0,
  }));
  const bins = binsOf(r.trades.map((t) => t.netPnlCents / 100));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>StratDeck backtest ${esc(r.from)} – ${esc(r.to)}</title><style>${REPORT_STYLE}</style></head>
<body><main>
<h1>Backtest ${esc(r.from)} – ${esc(r.to)}</h1>
<div class="sub">${r.tradingDays} trading days · ${esc(originOf(r))} · strategy ${esc(r.strategy)} · exits ${esc(r.exitPolicy)}</div>
<div class="note">${esc(r.note)}</div>
<section class="tiles" id="summary">${tiles(r.stats.overall)}</section>
<h2>By strategy</h2>
<div class="card">${strategyTable(r)}</div>
${quietList(r)}
<h2>Equity curve (realised + open positions marked at each close) against buy-and-hold</h2>
<div class="card">${bothWidths((o) => seriesChart(o.cls === "narrow" ? "equity-phone" : "equity", "Equity curve, dollars", equity, { ...o, compare }))}</div>
<h2>Drawdown from the running peak</h2>
<div class="card">${bothWidths((o) => seriesChart(o.cls === "narrow" ? "drawdown-phone" : "drawdown", "Drawdown, dollars", drawdown, { ...o, area: true }))}</div>
<h2>Distribution of trade P&amp;L (net, dollars)</h2>
<div class="card">${bothWidths((o) => histogram(o.cls === "narrow" ? "distribution-phone" : "distribution", "Trade P&L distribution", bins, o))}</div>
<h2>Trades (${r.trades.length})</h2>
<div class="card scroll"><table id="trades" class="stack"><thead><tr>${TRADE_COLUMNS.map((c) => `<th>${c}</th>`).join("")}</tr></thead><tbody>${r.trades.map(tradeRow).join("")}</tbody></table></div>
</main></body></html>
`;
}
