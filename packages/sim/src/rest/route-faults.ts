import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Log } from "@stratdeck/core/log";
import { errorReply, HttpError, writeJson } from "./envelope";

/** What a failing request gets: an HTTP error status, or no answer at all. */
export type RouteFaultKind = 429 | 500 | 502 | 503 | 504 | "timeout";

/** One scheduled failure of one route (method + path pattern). */
export interface RouteFaultRule {
  /** `GET`, `POST` or `DELETE`. */
  method: "GET" | "POST" | "DELETE";
  /** Matched against the request's path (no query), e.g. `/\/orders\/\d+$/`. */
  path: RegExp;
  /** The first matching request that fails, counted from 1 since the rule was added. */
  nth: number;
  kind: RouteFaultKind;
  /** How many consecutive matching requests fail from the `nth` on; default 1. */
  times?: number;
  /**
   * For `timeout`: true runs the route first (the order is placed, cancelled, …) and then never
   * answers, as when a response is lost; default false (nothing happens at the broker).
   */
  afterHandling?: boolean;
  /** For `timeout`: real ms the connection is held before it is dropped; default 2 000. */
  holdMs?: number;
}

/** A fault that fires on the request being served. */
export interface FiredFault {
  kind: RouteFaultKind;
  afterHandling: boolean;
  holdMs: number;
}

/** Test knobs for REST failures on the Nth request to one route. */
export interface RouteFaultsHandle {
  /** Schedules a failure; returns a function that removes it. */
  fail(rule: RouteFaultRule): () => void;
  /** Removes every scheduled failure. */
  clear(): void;
}

interface Armed {
  rule: RouteFaultRule;
  seen: number;
}

/**
 * Per-route REST failures: each rule counts the requests matching its method and path and fails
 * the `nth` (and the `times - 1` after it) with a status in tastytrade's error envelope or a
 * response that never comes.
 */
export class RouteFaults implements RouteFaultsHandle {
  private rules: Armed[] = [];

  constructor(private readonly log: Log) {}

  fail(rule: RouteFaultRule): () => void {
    if (!Number.isInteger(rule.nth) || rule.nth < 1)
      throw new Error(`route fault: nth must be ≥ 1, got ${rule.nth}`);
    const armed: Armed = { rule, seen: 0 };
    this.rules.push(armed);
    return () => {
      this.rules = this.rules.filter((r) => r !== armed);
    };
  }

  clear(): void {
    this.rules = [];
  }

  /** Counts this request against every matching rule; the fault it must get, if any. */
  take(method: string, path: string): FiredFault | undefined {
    let fired: FiredFault | undefined;
    for (const a of this.rules) {
      if (a.rule.method !== method || !a.rule.path.test(path)) continue;
      a.seen += 1;
      const last = a.rule.nth + (a.rule.times ?? 1) - 1;
      if (fired || a.seen < a.rule.nth || a.seen > last) continue;
      fired = {
        kind: a.rule.kind,
        afterHandling: a.rule.afterHandling === true,
        holdMs: a.rule.holdMs ?? 2_000,
      };
      this.log.warn("sim.fault", { fault: "route", method, path, kind: a.rule.kind, request: a.seen });
    }
    return fired;
  }
}

/** Answers a fired fault: its status in the error envelope, or (timeout) silence, then a dropped socket. */
export async function hangUp(res: ServerResponse, fault: FiredFault): Promise<void> {
  if (fault.kind !== "timeout") {
    const e = new HttpError(
      fault.kind,
      fault.kind === 429 ? "too_many_requests" : "internal_error",
      STATUS_TEXT[fault.kind],
    );
    writeJson(res, errorReply(e));
    return;
  }
  await sleep(fault.holdMs);
  res.destroy();
}

const STATUS_TEXT: Record<Exclude<RouteFaultKind, "timeout">, string> = {
  429: "Rate limit exceeded, try again later",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};
