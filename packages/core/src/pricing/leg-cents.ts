/** One leg as the cent allocation sees it. */
export interface CentsLeg {
  /** `short` = sold by this order, `long` = bought. */
  side: "short" | "long";
  /** Contracts per spread. */
  ratio: number;
  /** Model fill price, USD per share. */
  price: number;
  /** Quote sides, USD per share (bounds the adjustment when known). */
  bid?: number;
  ask?: number;
}

/** Legs in integer cents and the order's net in integer cents (Σ sold − Σ bought, × ratio). */
export interface CentsAllocation {
  /** Per leg, integer cents per share, in input order. */
  legCents: number[];
  /** Net of one spread, integer cents per share; > 0 credit, < 0 debit. Equals Σ of the legs. */
  netCents: number;
}

const EPS = 1e-7;

/**
 * Rounds every leg to whole cents against the trader (a sold leg down, a bought leg up), rounds the
 * net down to the tick (a credit gets smaller, a debit larger: never in the trader's favour), and
 * moves the remainder onto the legs (a bought leg up toward its ask, else a sold leg down toward
 * its bid) so that the legs add up to the net exactly. `tickCents(netCents)` gives the tick of a
 * net price, in cents.
 */
export function allocateCents(
  legs: readonly CentsLeg[],
  tickCents: (absNetCents: number) => number,
): CentsAllocation {
  const legCents = legs.map((l) =>
    l.side === "short" ? Math.floor(l.price * 100 + EPS) : Math.ceil(l.price * 100 - EPS),
  );
  const sign = (l: CentsLeg): number => (l.side === "short" ? 1 : -1);
  const sum = (): number => legs.reduce((s, l, i) => s + sign(l) * l.ratio * (legCents[i] as number), 0);
  const legsNet = sum();
  const tick = Math.max(1, Math.round(tickCents(Math.abs(legsNet))));
  const netCents = Math.floor(legsNet / tick) * tick;
  let rest = legsNet - netCents;
  // Pass 1: within the quote (bought legs up to the ask, sold legs down to the bid); pass 2: anywhere.
  for (const bounded of [true, false]) {
    for (let i = 0; i < legs.length && rest > 0; i++) {
      const l = legs[i] as CentsLeg;
      if (l.ratio !== 1) continue;
      const c = legCents[i] as number;
      const room =
        l.side === "long"
          ? bounded && l.ask !== undefined
            ? Math.max(0, Math.round(l.ask * 100) - c)
            : rest
          : Math.max(0, c - (bounded && l.bid !== undefined ? Math.round(l.bid * 100) : 0));
      const step = Math.min(room, rest);
      legCents[i] = c + (l.side === "long" ? step : -step);
      rest -= step;
    }
  }
  if (rest !== 0) throw new Error(`cannot allocate ${rest} cents onto the legs`);
  if (sum() !== netCents) throw new Error("leg cents do not add up to the net");
  return { legCents, netCents };
}
