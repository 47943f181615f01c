import { randomUUID } from "node:crypto";
import type { LiveConfig } from "../../config/app-config";
import type { LiveOrderRequest } from "./live-order-gateway";
import type { PaperOrderStore } from "../../ledger/paper-order-store";
import { leaseEnded } from "../../ledger/claim-lease";
import { pendingLeaseKey, type PendingOrder } from "../../ledger/pending-order";
import type { Clock } from "../../time/clock";
import { RETRY_BUDGET_MS } from "./broker-retry";
import { MAX_POLLS_AFTER_CANCEL } from "./follow-order";

/** Written around each placement so an order is never left at the broker without an owner. */
export interface OrderJournal {
  /** Before a placement is sent (durably): the order about to go out. */
  placing(order: LiveOrderRequest): Promise<void>;
  /** Once the broker acknowledged the placement with its order id. */
  placed(brokerOrderId: string): Promise<void>;
  /** On every look at the working order: renews the lease when half of it has passed. */
  alive(): Promise<void>;
}

/** Another run holds the lease of this pending order (it is following it now). */
export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
  constructor(readonly id: string) {
    super(`pending order ${id}: another run holds its lease now`);
  }
}

/**
 * A pending order's lease, ms: long enough for one try to be followed to its end (the cancel
 * timeout, the polls after a cancel, and a broker unreachable for the retry budget), plus a minute.
 */
export function leaseMs(settings: Pick<LiveConfig, "cancelAfterMs" | "pollMs">): number {
  return settings.cancelAfterMs + settings.pollMs * MAX_POLLS_AFTER_CANCEL + 2 * RETRY_BUDGET_MS + 60_000;
}

/** The lease end (ms since epoch) of a lease claim's holder `<run>@<end>`; 0 when unreadable. */
export function leaseEnd(holder: string): number {
  const end = Number(holder.slice(holder.lastIndexOf("@") + 1));
  return Number.isFinite(end) ? end : 0;
}

/**
 * Takes the lease of pending order `id` for `run` until `until`: a fresh claim, or a take-over of
 * a lease whose holder let it expire (the claim-lease rule, as Powertools idempotency's in-progress
 * expiry; a lease written before leases were stored on the claim is read from its holder
 * `<run>@<end>`). The holder string is returned (needed to renew or release it); null when a live
 * holder has it.
 */
export async function takeLease(
  store: PaperOrderStore,
  id: string,
  run: string,
  now: number,
  until: number,
): Promise<string | null> {
  const key = pendingLeaseKey(id);
  const mine = `${run}@${until}`;
  if (await store.claims.claim(key, mine, until, true)) return mine;
  const current = await store.claims.read(key);
  if (current === null) return (await store.claims.claim(key, mine, until, true)) ? mine : null;
  const ends = current.leaseUntil ?? leaseEnd(current.holder);
  if (current.holder.startsWith(`${run}@`) || leaseEnded(ends, now))
    return (await store.claims.replace(current, mine, until)) ? mine : null;
  return null;
}

/** The {@link OrderJournal} of one execution, kept as a {@link PendingOrder} with a lease. */
export class PendingOrderJournal implements OrderJournal {
  private readonly run = randomUUID();
  private holder: string | null = null;
  private record: PendingOrder | undefined;

  constructor(
    private readonly store: PaperOrderStore,
    private readonly clock: Clock,
    private readonly base: Omit<PendingOrder, "request" | "brokerOrderId" | "earlierOrderIds" | "createdAt">,
    private readonly lease: number,
  ) {}

  async placing(order: LiveOrderRequest): Promise<void> {
    await this.renew(true);
    const prev = this.record;
    this.record = {
      ...this.base,
      createdAt: prev?.createdAt ?? this.clock.now(),
      request: order,
      earlierOrderIds: prev
        ? [...prev.earlierOrderIds, ...(prev.brokerOrderId ? [prev.brokerOrderId] : [])]
        : [],
    };
    await this.store.savePendingOrder(this.record);
  }

  async placed(brokerOrderId: string): Promise<void> {
    if (!this.record) throw new Error(`pending order ${this.base.id}: placed before placing`);
    this.record = { ...this.record, brokerOrderId };
    await this.store.savePendingOrder(this.record);
  }

  async alive(): Promise<void> {
    await this.renew(false);
  }

  /** True while a record is written and not yet finished (an order may be working at the broker). */
  get outstanding(): boolean {
    return this.record !== undefined;
  }

  /** Deletes the record (its outcome is in the order log) and releases the lease. */
  async finish(): Promise<void> {
    await this.store.deletePendingOrder(this.base.id);
    if (this.holder) await this.store.releaseKey(pendingLeaseKey(this.base.id), this.holder);
    this.holder = null;
    this.record = undefined;
  }

  private async renew(force: boolean): Promise<void> {
    const now = this.clock.now();
    if (!force && this.holder && leaseEnd(this.holder) - now > this.lease / 2) return;
    const key = pendingLeaseKey(this.base.id);
    const until = now + this.lease;
    const next = `${this.run}@${until}`;
    const mine = { key, holder: this.holder ?? "", leaseUntil: this.holder ? leaseEnd(this.holder) : null };
    const ok = this.holder
      ? await this.store.claims.replace(mine, next, until)
      : (await takeLease(this.store, this.base.id, this.run, now, until)) !== null;
    if (!ok) throw new LeaseLostError(this.base.id);
    this.holder = next;
  }
}
