/** Statuses a new order may pass through before it is Live (tastytrade: Received → Routed → In Flight → Live). */
export type PreLiveStatus = "Routed" | "In Flight";

/**
 * Order-lifecycle knobs of the simulated broker (tests drive them through `sim.broker.faults`).
 * Every one is off until set.
 */
export class OrderFaults {
  /** New orders pass through these statuses, one per look at the book, before Live (and do not fill meanwhile). */
  preLive: PreLiveStatus[] = [];
  /**
   * The next this-many cancels race a fill: the whole unfilled rest fills at the limit just before
   * the cancel arrives, which is then answered 422 `order_not_cancellable`.
   */
  fillBeforeCancel = 0;
  /**
   * A cancel leaves the order `Cancel Requested` for this many looks at the book before it is
   * Cancelled (0: cancelled at once).
   */
  cancelRequestedLooks = 0;

  clear(): void {
    this.preLive = [];
    this.fillBeforeCancel = 0;
    this.cancelRequestedLooks = 0;
  }

  /** Consumes one "fill before cancel"; true when this cancel must lose the race. */
  takeFillBeforeCancel(): boolean {
    if (this.fillBeforeCancel <= 0) return false;
    this.fillBeforeCancel -= 1;
    return true;
  }
}
