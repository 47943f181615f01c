import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { loadConfig } from "@stratdeck/core/config";
import { phoneBaseUrls } from "../local/lan-address";
import { startLocalStack } from "../local/local-stack";
import { terminalQr } from "../local/terminal-qr";
import { cliLogger } from "../support/cli-log";
import { emit } from "../support/output";
import { choiceOption, intOption, portOption, positiveOption } from "../support/option-values";
import { action, OptionError } from "../support/run";

interface StartOptions {
  json?: boolean;
  seed?: string;
  speed?: string;
  port?: string;
  host?: string;
  simPort?: string;
  marketHours?: string;
  tlsCert?: string;
  tlsKey?: string;
}

/** Said wherever the phone URL is printed for plain HTTP off this machine. */
export const CLEAR_TEXT_WARNING =
  "Over HTTP the token crosses your network in clear: anyone on it can read it and trade paper positions. Use --tls-cert/--tls-key (HTTPS) on a network you do not trust.";

/** `--tls-cert` and `--tls-key` read (both or neither), or an OptionError naming the flag. */
function tlsFiles(opts: StartOptions): { cert: Buffer; key: Buffer } | undefined {
  if (!opts.tlsCert && !opts.tlsKey) return undefined;
  if (!opts.tlsCert || !opts.tlsKey)
    throw new OptionError(
      `--tls-cert and --tls-key go together (got only ${opts.tlsCert ? "--tls-cert" : "--tls-key"})`,
    );
  const read = (flag: string, file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new OptionError(`${flag} ${file}: ${(err as Error).message}`);
    }
  };
  return { cert: read("--tls-cert", opts.tlsCert), key: read("--tls-key", opts.tlsKey) };
}

/** `stratdeck start` (`npm start`): the whole local stack until Ctrl-C. */
export function registerStart(command: Command): void {
  command
    .option("--json", "print one JSON document with the URLs and token, then keep running")
    .option("--seed <n>", "simulator seed", "1")
    .option("--speed <x>", "simulator market-time multiplier", "1")
    .option("--port <n>", "local API port (0 = any free port; default STRATDECK_API_PORT or 8787)")
    .option(
      "--host <addr>",
      "interface for the API (0.0.0.0 to reach it from a phone; default STRATDECK_API_HOST)",
    )
    .option("--sim-port <n>", "simulator port (default: a free port)")
    .option("--tls-cert <file>", "PEM certificate: serve the API and phone page over HTTPS (with --tls-key)")
    .option("--tls-key <file>", "PEM private key of --tls-cert")
    .option(
      "--market-hours <mode>",
      "sim = open while running (default in sim mode), nyse = the NYSE calendar",
    )
    .action(
      action(async (opts: StartOptions) => {
        const seed = intOption("--seed", opts.seed);
        const speed = positiveOption("--speed", opts.speed);
        const apiPort = portOption("--port", opts.port);
        const simPort = portOption("--sim-port", opts.simPort);
        const marketHours = choiceOption("--market-hours", opts.marketHours, ["sim", "nyse"] as const);
        const tls = tlsFiles(opts);
        const { config, warnings } = loadConfig(process.env);
        const log = cliLogger("stratdeck-local", config.logLevel);
        for (const w of warnings) log.warn("config.warning", { variable: w.variable, message: w.message });
        const stack = await startLocalStack({
          config,
          log,
          ...(seed !== undefined ? { seed } : {}),
          ...(speed !== undefined ? { speed } : {}),
          ...(apiPort !== undefined ? { apiPort } : {}),
          ...(opts.host ? { apiHost: opts.host } : {}),
          ...(simPort !== undefined ? { simPort } : {}),
          ...(marketHours ? { marketHours } : {}),
          ...(tls ? { tls } : {}),
        });
        const fragment = `/#token=${encodeURIComponent(stack.token)}`;
        const lan = phoneBaseUrls(stack.apiHost, stack.apiPort, tls ? "https" : "http").map(
          (u) => u + fragment,
        );
        const info = {
          api: stack.apiUrl,
          token: stack.token,
          phone: `${stack.apiUrl}${fragment}`,
          /** Phone URLs on the LAN (each of this machine's addresses), with --host 0.0.0.0 or a host. */
          lan,
          tls: tls !== undefined,
          dataMode: config.dataMode,
          tradingMode: config.tradingMode,
          simulator: stack.sim ? { rest: stack.sim.restUrl, dxlink: stack.sim.dxlinkUrl } : null,
          stateDir: config.stateDir,
        };
        // Handlers before the announcement: a signal with no listener kills the process at once, and
        // whoever reads the announcement (a test, a supervisor) may stop it right away.
        const stopped = new Promise<void>((resolve) => {
          let stopping = false;
          const stop = (signal: string): void => {
            if (stopping) return;
            stopping = true;
            log.info("local.stopping", { signal });
            void stack.stop().then(() => {
              log.info("local.stopped", {});
              resolve();
            });
          };
          process.once("SIGINT", () => stop("SIGINT"));
          process.once("SIGTERM", () => stop("SIGTERM"));
        });
        emit(info, opts, (i) =>
          [
            `StratDeck local stack (data: ${i.dataMode}, trading: ${i.tradingMode}; state in ${i.stateDir})`,
            `API: ${i.api}`,
            `Token: ${i.token}`,
            `Phone page: ${i.phone}`,
            ...lanLines(i.lan, i.tls),
            ...(i.simulator ? [`Simulator: ${i.simulator.rest} (DXLink ${i.simulator.dxlink})`] : []),
            "Ctrl-C stops everything cleanly.",
          ].join("\n"),
        );
        await stopped;
      }),
    );
}

/** The LAN phone URLs, a QR code of the first (scan it with the phone's camera) and the HTTP warning. */
function lanLines(lan: readonly string[], tls: boolean): string[] {
  const first = lan[0];
  if (!first) return [];
  return [
    ...lan.map((u) => `Phone on your network: ${u}`),
    terminalQr(first),
    ...(tls ? [] : [CLEAR_TEXT_WARNING]),
  ];
}
