/** Provisioned read/write capacity units of the snapshots table. */
export interface SnapshotCapacity {
  /** Read capacity units (1 RCU = one 4 KB strongly consistent or two eventually consistent reads/s). */
  read: number;
  /** Write capacity units (1 WCU = one write of up to 1 KB per second). */
  write: number;
}

/**
 * Default snapshot table capacity: 10 WCU / 10 RCU, inside DynamoDB's always-free 25 WCU + 25 RCU
 * per account and region. 50 symbols written at most once per 10 s window need 5 WCU/s on average;
 * the writer's flush of 50 items at once is absorbed by DynamoDB's burst capacity (up to 300 s of
 * unused units: 5 WCU/s spare × 300 s = 1,500 units in reserve, against 50 per flush), and a write
 * that is throttled anyway comes back as UnprocessedItems and is re-sent with backoff.
 */
export const SNAPSHOT_CAPACITY: SnapshotCapacity = { read: 10, write: 10 };

/**
 * The snapshot table's provisioned capacity, or undefined for on-demand
 * (`STRATDECK_SNAPSHOTS_ON_DEMAND=true`: for an account whose free units are already used by other
 * tables, where 10 + 10 provisioned units would cost about $5.69 a month against ~$1.65 on demand).
 */
export function snapshotCapacity(
  env: Readonly<Record<string, string | undefined>>,
): SnapshotCapacity | undefined {
  return /^(1|true|yes|on)$/i.test(env.STRATDECK_SNAPSHOTS_ON_DEMAND?.trim() ?? "")
    ? undefined
    : SNAPSHOT_CAPACITY;
}
