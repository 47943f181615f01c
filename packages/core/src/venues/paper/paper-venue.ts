import { spreadOrderFees } from "../../ledger/fee-model";
import { closingPrices } from "../../ledger/position-mark";
import {
  NOTHING_PENDING,
  type CloseOutcome,
  type CloseRequest,
  type FillBook,
  type FinishReport,
  type ReconcileReport,
  type OpenOutcome,
  type OpenRequest,
  type Venue,
} from "../venue";

/**
 * The paper venue: every order fills at once at the fill model's price on current quotes (the
 * price the use case priced the entry or marked the close at), recorded with the fee model's fees.
 * Nothing ever works at a broker, so nothing is pending. An entry the guard meant for a broker
 * (live mode) is refused: paper positions are still closed here in live mode.
 */
export class PaperVenue implements Venue {
  readonly mode = "paper" as const;

  async open(request: OpenRequest, book: FillBook): Promise<OpenOutcome> {
    const { records, log } = request;
    // An entry the guard sent to a broker never becomes a paper trade by a wiring mistake.
    if (request.decision.mode !== "paper") {
      const reasons = [
        { code: "no-live-gateway", message: "live trading is on but no broker gateway is configured" },
      ];
      log.error("live.order.refused", { key: records.order.idempotencyKey, reasons });
      return { status: "refused", reasons };
    }
    const fields = { key: records.order.idempotencyKey, credit: records.order.price, mode: "paper" };
    const res = await book.opened(records);
    const positionId = res.order.positionId;
    if (res.status === "duplicate") {
      log.info("paper.entry.duplicate", { ...fields, positionId });
      return { status: "duplicate", reasons: [], positionId };
    }
    log.info("paper.entry", {
      ...fields,
      positionId,
      underlying: records.order.underlying,
      strategy: records.order.strategy,
    });
    return { status: "entered", reasons: [], positionId };
  }

  async close(request: CloseRequest, book: FillBook): Promise<CloseOutcome> {
    const { position, mark } = request;
    if (mark.underlyingPrice === null) {
      const reasons = [{ code: "no-underlying-price", message: `no price for ${position.underlying}` }];
      request.log.warn("paper.close.refused", { positionId: position.positionId, reasons });
      return { status: "refused", reasons };
    }
    const record = await book.closed(position, {
      exitDebit: mark.debitToClose,
      legs: mark.legs.map((l) => ({
        bid: l.bid,
        ask: l.ask,
        quoteTime: l.quoteTime ?? request.now,
        fillPrice: l.closePrice ?? 0,
        quoteSource: l.source,
      })),
      time: request.now,
      underlyingPrice: mark.underlyingPrice,
      underlyingSource: mark.underlyingSource,
      reason: request.reason,
      fees: spreadOrderFees(book.feeSchedule, "close", position, closingPrices(mark.legs), request.now),
    });
    return { status: "closed", record, reasons: [] };
  }

  finishPending(): Promise<FinishReport> {
    return Promise.resolve(NOTHING_PENDING);
  }

  /** Nothing to compare: paper holds nothing anywhere else. */
  reconcile(): Promise<ReconcileReport | null> {
    return Promise.resolve(null);
  }
}
