import type { StatusStore } from "../status/status-store";
import type { StrategiesConfig } from "../strategies/config-types";
import { ENTRY_MODES, STRATEGY_NAMES, type EntryMode } from "../strategies/names";

/** Status-store id of a strategy's entry mode set from the phone (overrides strategies.yaml). */
export const entryModeStatusId = (strategy: string): string => `entry-mode:${strategy}`;

/** A strategy's effective entry mode and where it comes from. */
export interface EntryModeView {
  strategy: string;
  /** The mode in force. */
  mode: EntryMode;
  /** `file`: strategies.yaml (`entry:`, default `auto`); `override`: switched from the phone or the API. */
  source: "file" | "override";
  /** The mode strategies.yaml sets. */
  fileMode: EntryMode;
  /** ISO time the override was set (source `override` only). */
  changedAt?: string;
}

/** True for `auto`, `manual` or `paused`. */
export function isEntryMode(v: unknown): v is EntryMode {
  return typeof v === "string" && (ENTRY_MODES as readonly string[]).includes(v);
}

/**
 * Every configured strategy's entry mode: the stored override when there is one, else the file's
 * `entry:` (default `auto`). Without a readable status store the file's modes stand.
 */
export async function readEntryModes(
  status: Pick<StatusStore, "read"> | undefined,
  strategies: Pick<StrategiesConfig, "strategies"> | undefined,
): Promise<Record<string, EntryModeView>> {
  const names = STRATEGY_NAMES.filter((n) => strategies?.strategies[n]);
  const stored = status
    ? await Promise.all(names.map((n) => status.read<{ mode?: unknown }>(entryModeStatusId(n))))
    : names.map(() => null);
  const out: Record<string, EntryModeView> = {};
  names.forEach((strategy, i) => {
    const fileMode = strategies?.strategies[strategy]?.entryMode ?? "auto";
    const rec = stored[i];
    out[strategy] =
      rec && isEntryMode(rec.data.mode)
        ? {
            strategy,
            mode: rec.data.mode,
            source: "override",
            fileMode,
            changedAt: new Date(rec.updatedAt).toISOString(),
          }
        : { strategy, mode: fileMode, source: "file", fileMode };
  });
  return out;
}

/** Stores a strategy's entry mode override (the file is never rewritten). */
export async function setEntryMode(
  status: Pick<StatusStore, "beat">,
  strategies: Pick<StrategiesConfig, "strategies"> | undefined,
  strategy: string,
  mode: EntryMode,
): Promise<EntryModeView> {
  const rec = await status.beat(entryModeStatusId(strategy), { mode });
  const fileMode =
    (strategies?.strategies as Record<string, { entryMode?: EntryMode } | undefined> | undefined)?.[strategy]
      ?.entryMode ?? "auto";
  return { strategy, mode, source: "override", fileMode, changedAt: new Date(rec.updatedAt).toISOString() };
}
