import type { BacktestResult, SeedsSummary, Spread, SweepSummary, TradeStats } from "@stratdeck/sim/backtest";

const usd = (cents: number): string =>
  `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const pct = (f: number | null, dp = 0): string => (f === null ? "-" : `${(f * 100).toFixed(dp)}%`);

function statsLine(name: string, s: TradeStats): string {
  return (
    `${name.padEnd(30)} ${String(s.trades).padStart(4)} trades  win ${pct(s.winRate).padStart(4)}  ` +
    `avg ${usd(s.avgWinCents)} / ${usd(s.avgLossCents)}  PF ${s.profitFactor === null ? "-" : s.profitFactor.toFixed(2)}  ` +
    `exp ${usd(s.expectancyCents)}/trade ${(s.pnlPerRiskDay * 100).toFixed(3)}%/risk-day  worst ${usd(s.worstTradeCents)}  ` +
    `p10 ${usd(s.p10TradeCents)}  max DD ${usd(s.maxDrawdownCents)}  RoR ${pct(s.annualReturnOnRisk, 1)}/yr  ` +
    `Sharpe ${s.sharpe === null ? "-" : s.sharpe.toFixed(2)}  net ${usd(s.totalNetPnlCents)}`
  );
}

const origin = (r: { market: string; seed: number | null }): string =>
  r.market === "replay"
    ? "recording"
    : r.market === "history"
      ? `history, path seed ${r.seed}`
      : `seed ${r.seed}`;

/** The text summary of one run: a line per strategy, a line per strategy that made no trade. */
export function resultText(r: BacktestResult, seconds: number, html: string | undefined): string {
  const bh = r.buyAndHold;
  return [
    `backtest ${r.from} .. ${r.to}: ${r.tradingDays} trading days, ${origin(r)}, ${r.strategy}, exits ${r.exitPolicy} (${seconds.toFixed(1)} s)`,
    statsLine("all", r.stats.overall),
    ...Object.entries(r.stats.byStrategy).map(([n, s]) => statsLine(n, s)),
    ...r.noTrade.map((n) => `${n.strategy.padEnd(30)}    0 trades  ${n.reason}`),
    `buy-and-hold ${bh.underlying} on ${usd(bh.notionalCents)}: ${usd(bh.equityCents.at(-1) ?? 0)}`,
    ...(html ? [`report: ${html}`] : []),
    `note: ${r.note}`,
  ].join("\n");
}

const spread = (s: Spread | undefined, f: (x: number) => string): string =>
  s ? `${f(s.median)} [${f(s.p5)} .. ${f(s.p95)}]` : "-";

/** The text summary of a `--seeds` or `--sweep` run. */
export function batchText(
  doc: SeedsSummary | SweepSummary,
  seconds: number,
  html: string | undefined,
): string {
  const head = `backtest ${doc.from} .. ${doc.to}: ${doc.kind === "seeds" ? `${doc.seeds.length} seeds (${doc.seeds[0]}..${doc.seeds.at(-1)})` : `sweep ${doc.axes.map((a) => `${a.key}=${a.values.join(",")}`).join(" × ")}`}, ${doc.strategy} (${seconds.toFixed(1)} s)`;
  const body =
    doc.kind === "seeds"
      ? Object.entries({ all: doc.overall, ...doc.byStrategy }).map(
          ([n, t]) =>
            `${n.padEnd(30)} median [5%..95%]  net ${spread(t.totalNetPnlCents, usd)}  win ${spread(t.winRate, (x) => pct(x))}  ` +
            `exp ${spread(t.expectancyCents, usd)}  max DD ${spread(t.maxDrawdownCents, usd)}  Sharpe ${spread(t.sharpe, (x) => x.toFixed(2))}`,
        )
      : doc.cells.map(
          (c) =>
            `${Object.entries(c.params)
              .map(([k, v]) => `${k}=${v}`)
              .join(" ")
              .padEnd(
                40,
              )} ${String(c.overall.trades).padStart(4)} trades  net ${usd(c.overall.totalNetPnlCents)}  ` +
            `win ${pct(c.overall.winRate)}  exp ${usd(c.overall.expectancyCents)}  Sharpe ${c.overall.sharpe === null ? "-" : c.overall.sharpe.toFixed(2)}`,
        );
  const quiet =
    doc.kind === "seeds"
      ? Object.entries(doc.noTrade).map(
          ([n, e]) => `${n}: no trade in ${e.runs} of ${doc.seeds.length} runs (${e.reasons[0] ?? ""})`,
        )
      : [];
  return [head, ...body, ...quiet, ...(html ? [`report: ${html}`] : []), `note: ${doc.note}`].join("\n");
}
