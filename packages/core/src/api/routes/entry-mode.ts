import * as z from "zod/mini";
import "../../validation/zod-english";
import { readEntryModes, setEntryMode } from "../../entry/entry-mode";
import type { StatusStore } from "../../status/status-store";
import type { StrategiesConfig } from "../../strategies/config-types";
import { ENTRY_MODES, STRATEGY_NAMES } from "../../strategies/names";
import { routeError } from "../responses";
import { defineRoute } from "../router";

/** Deps of the entry-mode routes: the status store holding overrides and the strategies file. */
export interface EntryModeDeps {
  status: Pick<StatusStore, "read" | "beat">;
  strategies: Pick<StrategiesConfig, "strategies">;
}

/** GET /strategies/entry-modes: each configured strategy's entry mode, its source and the file's. */
export const entryModesRoute = defineRoute({
  method: "GET",
  pattern: "/strategies/entry-modes",
  query: z.strictObject({}),
  handle: async (deps: EntryModeDeps) => ({
    status: 200,
    body: { modes: Object.values(await readEntryModes(deps.status, deps.strategies)) },
  }),
});

/**
 * POST /strategies/{name}/entry-mode `{mode: auto|manual|paused}`: switches who enters a
 * strategy's ideas (stored in the status store; strategies.yaml is not rewritten). 404 for a
 * strategy the file does not configure.
 */
export const entryModeRoute = defineRoute({
  method: "POST",
  pattern: "/strategies/{name}/entry-mode",
  params: z.strictObject({
    name: z.enum(STRATEGY_NAMES, { message: `must be one of ${STRATEGY_NAMES.join(", ")}` }),
  }),
  body: z.strictObject({
    mode: z.enum(ENTRY_MODES, { message: `must be one of ${ENTRY_MODES.join(", ")}` }),
  }),
  handle: async (deps: EntryModeDeps, { params: p, body: b }) => {
    if (!deps.strategies.strategies[p.name])
      return routeError(404, "not-found", `${p.name} is not configured in strategies.yaml`);
    return { status: 200, body: await setEntryMode(deps.status, deps.strategies, p.name, b.mode) };
  },
});
