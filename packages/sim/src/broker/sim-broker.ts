import { naturalLegPrice } from "@stratdeck/core/pricing";
import { isMarketOpen } from "@stratdeck/core/time";
import type { SyntheticMarket } from "../market";
import { HttpError } from "../rest/envelope";
import type { OrderBodyT } from "./order-body";
import { OrderFaults } from "./order-faults";
import { naturalCredit, naturalLeg, preflight, type Preflight } from "./preflight";
import { TERMINAL, type SimOrder } from "./sim-order";

/** A position of the simulated account, by OCC symbol. */
export interface SimPosition {
  symbol: string;
  underlying: string;
  /** Signed contracts (short < 0). */
  quantity: number;
  /** Average open price, USD per share. */
  averageOpenPrice: number;
  createdAt: number;
  updatedAt: number;
}

/** Knobs of the simulated broker (tests drive them through `sim.broker`). */
export interface BrokerControls {
  /** False: a placed order is rejected after placement ("Market is closed"), a fault. Default true. */
  marketOpen: boolean;
  /**
   * When orders work: `nyse` (default) = the NYSE session on the market clock, so a Day/GTC order
   * placed on a weekend, holiday or after the close stays Received until the next session, with
   * tastytrade's warning (see {@link NEXT_SESSION_WARNING}); `always-open` = whenever the simulator
   * runs (the local stack's simulated market).
   */
  marketHours: "nyse" | "always-open";
  /** At most this many spreads of any order ever fill (partial fills); default unlimited. */
  maxFillPerOrder?: number;
  /** Buying power available, USD (placements reserve it). Default 100 000. */
  buyingPowerUsd: number;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * tastytrade's warning on an order placed outside its session (code spelled as served, "sesssion"):
 * captured in laustindasauce/tasty-go fixtures (fact sheet §2.9).
 */
export const NEXT_SESSION_WARNING = {
  code: "tif_next_valid_sesssion",
  message: "Your order will begin working during next valid session.",
} as const;

/** Time-in-force values that work in the regular session only (queued outside it). */
const SESSION_TIFS: ReadonlySet<string> = new Set(["Day", "GTC", "GTD"]);

/**
 * The account side of the simulator: preflight (buying power, fees), placement, working orders that
 * fill when the natural price reaches the limit (up to `maxFillPerOrder`), cancels, rejections
 * (buying power and unknown symbols at preflight, market closed after placement) and the positions
 * the fills leave. State advances lazily on the market clock whenever an account route is called.
 */
export class SimBroker {
  readonly controls: BrokerControls;
  /** Order-lifecycle faults: pre-Live statuses, a fill racing a cancel, Cancel Requested. */
  readonly faults = new OrderFaults();
  private readonly orders = new Map<number, SimOrder>();
  private readonly positions = new Map<string, SimPosition>();
  private nextId = 1001;
  private nextFill = 1;

  constructor(
    private readonly market: SyntheticMarket,
    buyingPowerUsd: number,
  ) {
    this.controls = { marketOpen: true, marketHours: "nyse", buyingPowerUsd };
  }

  /** True when an order of this time in force would wait for the next session at `now`. */
  waitsForSession(order: OrderBodyT, now: number): boolean {
    return SESSION_TIFS.has(order["time-in-force"]) && !this.sessionOpen(now);
  }

  /** Cash moved by fills since start, USD: sells credit, buys debit (fees are not charged here). */
  cashFromFills(): number {
    let cash = 0;
    for (const o of this.orders.values())
      o.fills.forEach((fills, i) => {
        const sign = o.legs[i]?.sign ?? 1;
        for (const f of fills) cash -= sign * f.price * f.quantity * 100;
      });
    return r2(cash);
  }

  private sessionOpen(now: number): boolean {
    return this.controls.marketHours === "always-open" || isMarketOpen(now);
  }

  /** Preflight with the buying-power check; throws the 422 `preflight_check_failure` envelope. */
  check(order: OrderBodyT, now: number): Preflight {
    const p = preflight(this.market, order, now);
    if (p.change > this.controls.buyingPowerUsd) {
      throw new HttpError(422, "preflight_check_failure", "One or more preflight checks failed", [
        {
          code: "margin_check_failed",
          message: "Account does not have sufficient buying power available for this order.",
        },
      ]);
    }
    return p;
  }

  /** Places an order (after the same preflight as a dry run). */
  place(account: string, body: OrderBodyT, now: number): SimOrder {
    const p = this.check(body, now);
    const order: SimOrder = {
      id: this.nextId++,
      account,
      body,
      legs: p.legs,
      underlying: p.underlying,
      size: p.size,
      filled: 0,
      status: "Received",
      preLive: [...this.faults.preLive],
      requirementPerSpread: Math.max(0, p.change) / p.size,
      fills: p.legs.map(() => []),
      receivedAt: now,
      updatedAt: now,
    };
    this.orders.set(order.id, order);
    if (this.controls.marketOpen) this.controls.buyingPowerUsd -= order.requirementPerSpread * order.size;
    else {
      order.status = "Rejected";
      order.terminalAt = now;
      order.rejectReason = "Market is closed";
    }
    return order;
  }

  /** One order after advancing the book to `now`. */
  get(id: number, now: number): SimOrder | undefined {
    this.advance(now);
    return this.orders.get(id);
  }

  /** Orders placed since start (any status). */
  placedCount(): number {
    return this.orders.size;
  }

  /** Every order since start, oldest first, after advancing the book to `now`. */
  all(now: number): SimOrder[] {
    this.advance(now);
    return [...this.orders.values()];
  }

  /** Orders not yet terminal. */
  live(now: number): SimOrder[] {
    this.advance(now);
    return [...this.orders.values()].filter((o) => !TERMINAL.has(o.status));
  }

  /**
   * Cancels the unfilled rest of a working order; a terminal order (or one a racing fill just
   * completed, or one already being cancelled) is a 422 `order_not_cancellable`.
   */
  cancel(id: number, now: number): SimOrder {
    const o = this.get(id, now);
    if (!o) throw new HttpError(404, "record_not_found", `Order ${id} not found`);
    if (!TERMINAL.has(o.status) && this.faults.takeFillBeforeCancel()) this.tryFill(o, now, true);
    if (TERMINAL.has(o.status) || o.status === "Cancel Requested")
      throw new HttpError(422, "order_not_cancellable", `Order ${id} is ${o.status} and cannot be cancelled`);
    o.cancelledAt = now;
    if (this.faults.cancelRequestedLooks > 0) {
      o.status = "Cancel Requested";
      o.cancelLooks = this.faults.cancelRequestedLooks;
      o.updatedAt = now;
    } else this.finish(o, "Cancelled", now);
    return o;
  }

  /** Open positions after advancing to `now`. */
  openPositions(now: number): SimPosition[] {
    this.advance(now);
    return [...this.positions.values()].filter((p) => p.quantity !== 0);
  }

  /** Changes a position behind the order book's back (a drift, for reconciliation tests). */
  adjustPosition(symbol: string, underlying: string, quantity: number, now: number): void {
    const p = this.positions.get(symbol);
    if (p) {
      p.quantity += quantity;
      p.updatedAt = now;
    } else
      this.positions.set(symbol, {
        symbol,
        underlying,
        quantity,
        averageOpenPrice: 0,
        createdAt: now,
        updatedAt: now,
      });
  }

  /**
   * Moves working orders on: Received → (Routed → In Flight, when set) → Live, Cancel Requested →
   * Cancelled after its looks, and fills where the market reached the limit.
   */
  advance(now: number): void {
    for (const o of this.orders.values()) {
      if (TERMINAL.has(o.status)) continue;
      if (o.status === "Cancel Requested") {
        o.cancelLooks = (o.cancelLooks ?? 1) - 1;
        if (o.cancelLooks <= 0) this.finish(o, "Cancelled", now);
        continue;
      }
      if (o.status === "Received" && this.waitsForSession(o.body, now)) continue;
      if (o.status === "Received" || o.status === "Routed" || o.status === "In Flight") {
        const next = o.preLive?.shift();
        o.status = next ?? "Live";
        o.updatedAt = now;
        if (next) continue;
        o.liveAt = now;
      }
      this.tryFill(o, now);
    }
  }

  /** Fills what may fill; `force` fills the whole allowed rest at the limit whatever the market. */
  private tryFill(o: SimOrder, now: number, force = false): void {
    const cap = Math.min(o.size, this.controls.maxFillPerOrder ?? o.size);
    const qty = cap - o.filled;
    if (qty <= 0) return;
    const natural = naturalCredit(o.legs, o.size, (l) => this.market.optionQuoteAt(l.id, now));
    if (natural === null) return;
    const limit = (o.body.price ?? 0) * (o.body["price-effect"] === "Debit" ? -1 : 1);
    if (!force && o.body["order-type"] === "Limit" && natural < limit - 1e-9) return;
    const target = o.body["order-type"] === "Limit" ? limit : natural;
    const excess = natural - target;
    o.legs.forEach((l, i) => {
      const q = this.market.optionQuoteAt(l.id, now);
      const quoted = q ? naturalLegPrice(naturalLeg(l, o.size, q)) : undefined;
      if (quoted === undefined) return;
      const ratio = l.quantity / o.size;
      let price = quoted;
      // The limit's improvement over the natural price goes to the first leg.
      if (i === 0) price = l.sign < 0 ? price - excess / ratio : price + excess / ratio;
      const contracts = qty * ratio;
      o.fills[i]?.push({
        fillId: `sim-fill-${this.nextFill++}`,
        quantity: contracts,
        price: r2(price),
        filledAt: now,
      });
      this.book(l.symbol, o.underlying, l.sign * contracts, r2(price), now);
    });
    o.filled += qty;
    o.updatedAt = now;
    if (o.filled === o.size) this.finish(o, "Filled", now);
  }

  private book(symbol: string, underlying: string, delta: number, price: number, now: number): void {
    const p = this.positions.get(symbol);
    if (!p) {
      this.positions.set(symbol, {
        symbol,
        underlying,
        quantity: delta,
        averageOpenPrice: price,
        createdAt: now,
        updatedAt: now,
      });
      return;
    }
    const opening = Math.sign(delta) === Math.sign(p.quantity) || p.quantity === 0;
    if (opening) {
      const total = Math.abs(p.quantity) + Math.abs(delta);
      p.averageOpenPrice = r2((p.averageOpenPrice * Math.abs(p.quantity) + price * Math.abs(delta)) / total);
    }
    p.quantity += delta;
    p.updatedAt = now;
  }

  private finish(o: SimOrder, status: SimOrder["status"], now: number): void {
    // Buying power held for the part that will never fill comes back.
    this.controls.buyingPowerUsd += o.requirementPerSpread * (o.size - o.filled);
    o.status = status;
    o.terminalAt = o.updatedAt = now;
  }
}
