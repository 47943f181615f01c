import type { Clock } from "../time/clock";

/** A component's heartbeat record. */
export interface StatusRecord<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Component id, e.g. `stream`. */
  id: string;
  /** Component-specific state (JSON). */
  data: T;
  /** When written, ms since epoch. */
  updatedAt: number;
}

/** Port for heartbeats of long-running components, read by health checks. */
export abstract class StatusStore {
  constructor(protected readonly clock: Clock) {}

  /** Writes the component's current state, stamped with the clock. */
  async beat<T extends Record<string, unknown>>(id: string, data: T): Promise<StatusRecord<T>> {
    const rec = { id, data, updatedAt: this.clock.now() };
    await this.save(rec);
    return rec;
  }

  /** The component's last heartbeat with its age in ms, or null when it never wrote one. */
  async read<T extends Record<string, unknown>>(
    id: string,
  ): Promise<(StatusRecord<T> & { ageMs: number }) | null> {
    const rec = (await this.load(id)) as StatusRecord<T> | null;
    return rec ? { ...rec, ageMs: Math.max(0, this.clock.now() - rec.updatedAt) } : null;
  }

  protected abstract save(rec: StatusRecord): Promise<void>;
  protected abstract load(id: string): Promise<StatusRecord | null>;
}
