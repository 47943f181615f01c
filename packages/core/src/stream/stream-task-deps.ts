import type { Log } from "../log/log";
import type { SnapshotStore } from "../market-data/snapshot-store";
import type { PaperOrderStore } from "../ledger/paper-order-store";
import type { StatusStore } from "../status/status-store";
import type { StrategiesConfig } from "../strategies/config-types";
import { streamWindow } from "../strategies/stream-window";
import type { TastyRestClient } from "../tasty/tasty-rest-client";
import type { Clock } from "../time/clock";
import type { StreamTaskDeps } from "./stream-task";

/** The parts of the shells' composition root (`buildDeps`) the stream task uses. */
export interface StreamShellDeps {
  clock: Clock;
  log: Log;
  snapshots: Pick<SnapshotStore, "putMany">;
  status: Pick<StatusStore, "beat">;
  orders: Pick<PaperOrderStore, "listOpenPositions">;
  rest: Pick<TastyRestClient, "getQuoteToken" | "getNestedChain">;
  strategies: StrategiesConfig;
}

/**
 * Maps the shells' deps to the stream task's ports: quote tokens and nested chains from the REST
 * client (chains cached per trading day there), the stream window from strategies.yaml, open
 * positions from the paper order store. Shared by `stratdeck stream` and the Fargate entry.
 */
export function streamTaskDeps(d: StreamShellDeps): StreamTaskDeps {
  return {
    clock: d.clock,
    log: d.log.child({ component: "stream" }),
    tokens: { fetch: () => d.rest.getQuoteToken() },
    snapshots: d.snapshots,
    status: d.status,
    plan: {
      streamWindow: () => streamWindow(d.strategies),
      openPositions: () => d.orders.listOpenPositions(),
      getChain: (u) => d.rest.getNestedChain(u),
    },
  };
}
