import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { silentLog } from "@stratdeck/core/log";
import { scaledClock, systemClock } from "@stratdeck/core/time";
import { DxlinkServer, DXLINK_PATH, EventSource } from "./dxlink";
import { SimBroker } from "./broker/sim-broker";
import { FaultState } from "./faults";
import { SyntheticMarket } from "./market";
import { RestHandler, SIM_BUYING_POWER } from "./rest";
import { RouteFaults } from "./rest/route-faults";
import { TokenBook } from "./tokens";
import type { QuoteTokenGrant, RunningSimulator, SimulatorOptions } from "./types";

/**
 * Starts a local tastytrade look-alike on one port: REST (`/oauth/token`, `/api-quote-tokens`,
 * chains, market data, metrics, accounts, order dry-run) and the DXLink WebSocket at `/realtime`,
 * both over a seeded synthetic market on the given clock.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const clock = options.clock ?? scaledClock(systemClock, options.speed ?? 1);
  const log = (options.log ?? silentLog).child({ component: "sim" });
  const market = new SyntheticMarket(options.seed ?? 1, clock);
  const accessTokens = new TokenBook(clock, "sim-at-", options.accessTokenTtlSeconds ?? 900);
  const quoteTokens = new TokenBook(clock, "sim-qt-", options.quoteTokenTtlSeconds ?? 86_400);
  const publishIntervalMs = options.publishIntervalMs ?? 250;
  let dxlinkUrl = "";
  const issueQuoteToken = (): QuoteTokenGrant => {
    const t = quoteTokens.issue();
    return { token: t.token, dxlinkUrl, level: "api", expiresAt: t.expiresAt };
  };
  const control = {
    closeAll: (code: number, reason: string) => dxlink.closeAll(code, reason),
    revokeQuoteTokens: () => dxlink.revokeQuoteTokens(),
    injectMalformed: (count: number) => dxlink.injectMalformed(count),
    switchDataFormat: (format: "FULL" | "COMPACT") => dxlink.switchDataFormat(format),
  };
  const faults = new FaultState(control, log, options.dropEarlyAuth ?? 0);
  const dxlink = new DxlinkServer({
    clock,
    market,
    events: new EventSource(market),
    quoteTokens,
    faults,
    log,
    keepaliveTimeoutSeconds: options.keepaliveTimeoutSeconds ?? 60,
    publishIntervalMs,
    maxSubscriptionFrameBytes: options.maxSubscriptionFrameBytes ?? 256 * 1024,
    authStateDelayMs: options.authStateDelayMs ?? 30,
  });
  const broker = new SimBroker(market, SIM_BUYING_POWER);
  broker.controls.marketHours = options.marketHours ?? "nyse";
  const routes = new RouteFaults(log);
  const rest = new RestHandler(
    {
      market,
      broker,
      clock,
      accessTokens,
      faults,
      log,
      issueQuoteToken,
      quoteTokenWithoutExpiry: options.quoteTokenWithoutExpiry === true,
    },
    routes,
  );
  const server = createServer((req, res) => void rest.handle(req, res));
  server.on("upgrade", (req, socket, head) => dxlink.upgrade(req, socket, head));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    // The publish tick is already running: stop it, or a failed listen keeps the process alive.
    await dxlink.stop();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const restUrl = `http://${urlHost}:${port}`;
  dxlinkUrl = `ws://${urlHost}:${port}${DXLINK_PATH}`;
  log.info("sim.start", { restUrl, dxlinkUrl, seed: market.seed });

  let stopping: Promise<void> | undefined;
  return {
    restUrl,
    dxlinkUrl,
    clock,
    market,
    faults,
    routes,
    broker: {
      controls: broker.controls,
      faults: broker.faults,
      adjustPosition: (symbol, underlying, quantity) =>
        broker.adjustPosition(symbol, underlying, quantity, clock.now()),
      openPositions: () => broker.openPositions(clock.now()),
      placedCount: () => broker.placedCount(),
    },
    issueQuoteToken,
    stats: () => ({
      connections: dxlink.connections,
      openSockets: dxlink.openSockets(),
      authorizations: dxlink.authorizations,
      accessTokensIssued: accessTokens.issuedCount(),
      quoteTokensIssued: quoteTokens.issuedCount(),
      requests: rest.requests,
      subscriptions: dxlink.subscriptions(),
    }),
    stop: () => {
      stopping ??= (async () => {
        faults.clear();
        routes.clear();
        await dxlink.stop();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        log.info("sim.stop", {});
      })();
      return stopping;
    },
  };
}
