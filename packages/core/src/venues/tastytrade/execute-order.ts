import type { LiveConfig } from "../../config/app-config";
import type { Log } from "../../log/log";
import { tickFor, type TickSize } from "../../market-data/option-chain";
import type { LiveOrderRequest } from "./live-order-gateway";
import type { Clock } from "../../time/clock";
import { followOrder } from "./follow-order";
import type { LiveBroker } from "./live-broker";
import type { OrderJournal } from "./order-journal";
import { orderFills, orderSpreads, type OrderFills } from "./order-fills";

/** Deps of {@link executeOrder}. */
export interface ExecuteDeps {
  broker: LiveBroker;
  clock: Clock;
  log: Log;
  /** Waits `ms` (real time); default a timer. */
  sleep?: (ms: number) => Promise<void>;
  settings: Pick<LiveConfig, "pollMs" | "cancelAfterMs" | "walkSteps">;
  /** The durable record written before each placement (none: nothing survives a crash). */
  journal?: OrderJournal;
}

/** What to execute: the order, its price step and how far the price may walk. */
export interface ExecutionRequest {
  order: LiveOrderRequest;
  /** One price step, USD per share (the root's tick at the price). */
  tick: number;
  /**
   * The root's tick table (the chain's `tick-sizes`): when given, every walked price sits on the
   * tick of its own level (SPXW: 0.05 below 3.00, 0.10 from 3.00), as tastytrade refuses others.
   */
  tickSizes?: readonly TickSize[];
  /**
   * The natural price, unsigned USD per share (credit: shorts at the bid minus longs at the ask;
   * debit: the reverse): the walk never goes past it. Absent: no walk.
   */
  natural?: number;
}

/** One try at one price. */
export interface ExecutionAttempt {
  price: number;
  orderId?: string;
  status: string;
  /** Spreads filled by this try. */
  filled: number;
}

/** Where an execution ended. */
export interface Execution {
  status: "filled" | "partial" | "cancelled" | "rejected" | "expired";
  /** Fills of the try that filled (in the request's leg order); spreads 0 when none did. */
  fills: OrderFills;
  /** Spreads asked for. */
  quantity: number;
  attempts: ExecutionAttempt[];
  /** Why nothing (or not everything) filled. */
  reasons: string[];
  /** Broker order ids, in order. */
  orderIds: string[];
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Executes a limit order at the broker: dry-run first and place the same body only if the dry run
 * reports no errors; follow it by polling to a final state; cancel it after `cancelAfterMs`; when
 * nothing filled, walk the price toward the natural price in whole ticks (at most `walkSteps`
 * steps, the last one at the natural price, each logged as `live.order.walk`) and try again. A partial fill stops the walk. Fills come from
 * the broker's fill report.
 */
export async function executeOrder(deps: ExecuteDeps, req: ExecutionRequest): Promise<Execution> {
  const quantity = orderSpreads(req.order);
  const trail: Trail = { attempts: [], orderIds: [] };
  let price = req.order.price;
  for (let step = 0; ; step++) {
    const end = await attempt(deps, { ...req.order, price }, quantity, trail);
    if (end) return { ...end, quantity, ...trail };
    const next = nextPrice(req, price, deps.settings.walkSteps - step);
    if (next === undefined)
      return {
        status: "cancelled",
        fills: NO_FILLS,
        quantity,
        ...trail,
        reasons: [`not filled within ${deps.settings.cancelAfterMs} ms at ${price.toFixed(2)}`],
      };
    deps.log.info("live.order.walk", {
      from: price,
      to: next,
      step: step + 1,
      of: deps.settings.walkSteps,
      natural: req.natural,
    });
    price = next;
  }
}

/** The tries of one execution so far. */
type Trail = Pick<Execution, "attempts" | "orderIds">;

/** Where one try ended, when it ends the execution. */
type End = Pick<Execution, "status" | "fills" | "reasons">;

const NO_FILLS: OrderFills = { legs: [], spreads: 0, net: 0 };

/**
 * One try at one price: dry-run, place (journalled), follow to a final state. Returns how the
 * execution ends, or undefined when nothing filled and the order was cancelled (walk on).
 */
async function attempt(
  deps: ExecuteDeps,
  order: LiveOrderRequest,
  quantity: number,
  trail: Trail,
): Promise<End | undefined> {
  const { broker, log } = deps;
  const price = order.price;
  const dry = await broker.dryRun(order);
  if (!dry.ok) {
    trail.attempts.push({ price, status: "dry-run-rejected", filled: 0 });
    log.warn("live.order.rejected", { stage: "dry-run", price, errors: dry.errors });
    return { status: "rejected", fills: NO_FILLS, reasons: dry.errors ?? ["dry run rejected"] };
  }
  await deps.journal?.placing(order);
  const placed = await broker.submit(order);
  if (!placed.ok) {
    trail.attempts.push({ price, status: "rejected", filled: 0 });
    log.warn("live.order.rejected", { stage: "place", price, errors: placed.errors });
    return { status: "rejected", fills: NO_FILLS, reasons: placed.errors };
  }
  trail.orderIds.push(placed.order.id);
  await deps.journal?.placed(placed.order.id);
  log.info("live.order.placed", { orderId: placed.order.id, price, status: placed.order.status });
  const sleep = deps.sleep ?? realSleep;
  const alive = () => deps.journal?.alive() ?? Promise.resolve();
  const final = await followOrder({ ...deps, sleep, alive }, placed.order);
  const fills = orderFills(order, final);
  trail.attempts.push({ price, orderId: final.id, status: final.status, filled: fills.spreads });
  log.info("live.order.final", { orderId: final.id, status: final.status, filled: fills.spreads, quantity });
  if (fills.spreads >= quantity) return { status: "filled", fills, reasons: [] };
  if (fills.spreads > 0)
    return { status: "partial", fills, reasons: [`${fills.spreads} of ${quantity} filled before cancel`] };
  if (final.status === "Rejected")
    return { status: "rejected", fills: NO_FILLS, reasons: [final.rejectReason ?? "rejected by the broker"] };
  if (final.status === "Expired")
    return { status: "expired", fills: NO_FILLS, reasons: ["expired unfilled"] };
  return undefined;
}

/**
 * The next price toward the natural one: the remaining distance split over the steps left,
 * rounded up to whole ticks (at least one tick), never past the natural price; undefined when there
 * is no natural price or the price is already there.
 */
function nextPrice(req: ExecutionRequest, price: number, stepsLeft: number): number | undefined {
  if (req.natural === undefined || stepsLeft <= 0) return undefined;
  const credit = req.order.priceEffect === "Credit";
  const distance = credit ? price - req.natural : req.natural - price;
  if (distance < 1e-9) return undefined;
  const tick = req.tickSizes ? tickFor(req.tickSizes, price) : req.tick;
  const ticks = Math.max(1, Math.ceil(distance / stepsLeft / tick - 1e-9));
  const step = Math.min(distance, ticks * tick);
  const raw = round(credit ? price - step : price + step);
  const next = req.tickSizes ? backOntoTick(raw, req.tickSizes, credit) : raw;
  return next > 0 && Math.abs(next - price) > 1e-9 ? next : undefined;
}

/**
 * `p` on the tick of its own level, rounded back toward the starting price (a credit up, a debit
 * down), so a walked price never passes the natural one.
 */
function backOntoTick(p: number, ticks: readonly TickSize[], credit: boolean): number {
  const t = tickFor(ticks, p);
  const n = credit ? Math.ceil(p / t - 1e-9) : Math.floor(p / t + 1e-9);
  return round(n * t);
}
