import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import type { AppConfig } from "../config/app-config";
import type { Log } from "../log/log";
import type { RunningEngine } from "../storage/running-engine";
import type { LocalStackInfo } from "./local-stack-file";
import { readLocalStack } from "./local-stack-file";
import { readOnlyCopy } from "./read-only-copy";
import { StateFolderUnwritableError } from "./state-folder-errors";
import { lockStateDir } from "./state-lock";

/**
 * Starts the embedded engine: on `path` (LevelDB folder) or in memory, requiring `accessKeyId`.
 * `reportAs` is the folder its errors name when `path` is a stand-in for it (a temporary copy).
 */
export type EmbeddedEngineStarter = (opts: {
  path?: string;
  reportAs?: string;
  accessKeyId: string;
  secretAccessKey?: string;
}) => Promise<RunningEngine>;

/**
 * Where this process's tables live:
 * - `endpoint`: AWS_ENDPOINT_URL_DYNAMODB, used as is;
 * - `aws`: DynamoDB in AWS (STRATDECK_STORAGE=aws, the default inside Lambda and ECS);
 * - `stack`: the engine of the `stratdeck start` running on the state folder (joined);
 * - `embedded`: the engine opened by this process on the state folder (under its lock);
 * - `ephemeral`: an in-memory engine for this process only (`--ephemeral`), discarded at exit.
 */
export type StorageKind = "endpoint" | "aws" | "stack" | "embedded" | "ephemeral";

/** The resolved storage. */
export interface ResolvedStorage {
  kind: StorageKind;
  /** Engine URL; undefined for `aws`. */
  endpoint?: string;
  /** Access key id the local engine checks. */
  accessKeyId?: string;
  /** Secret the local engine verifies request signatures with. */
  secretAccessKey?: string;
  /**
   * Separate in-memory engine for the snapshots table (the local stack's): snapshots are
   * re-written by the stream within seconds, so they never go to disk.
   */
  snapshotEndpoint?: string;
  /** Absolute state folder (`stack`, `embedded`). */
  stateDir?: string;
  /** The joined stack (`stack`). */
  stack?: LocalStackInfo;
  /** Stops what this resolution started (engine, lock). */
  release(): Promise<void>;
}

/** Options of {@link resolveStorage}. */
export interface ResolveStorageOptions {
  log: Log;
  /** Starts the embedded engine (absent = only an endpoint, AWS or a running stack will do). */
  embeddedEngine?: EmbeddedEngineStarter;
  /** In-memory storage for this process, on purpose. */
  ephemeral?: boolean;
  /** Recorded in the lock file (default `command`). */
  owner?: string;
  /** Longest wait for another command holding the state folder, ms. */
  lockWaitMs?: number;
  /** The command only reads: on a state folder it cannot write, it reads a copy ({@link readOnlyCopy}). */
  readOnlyState?: boolean;
  /**
   * Runs under the state folder's lock, before the embedded engine opens the store (only for
   * `embedded`): what must happen to the folder with no other process in between (a restore
   * moving the old store aside).
   */
  beforeOpen?: (stateDir: string) => void | Promise<void>;
}

/** A random access key id for an embedded engine. */
export function newEngineKey(): string {
  return `sd${randomBytes(16).toString("hex")}`;
}

/** A random secret for an embedded engine's request signatures. */
export function newEngineSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Resolves storage from an explicit choice only: an endpoint, then AWS when chosen, then
 * `--ephemeral`, then the running local stack, then the embedded engine on the state folder.
 * A local run never reaches real AWS by accident.
 */
export async function resolveStorage(
  config: AppConfig,
  options: ResolveStorageOptions,
): Promise<ResolvedStorage> {
  const none = async (): Promise<void> => {};
  if (config.dynamoEndpoint) return { kind: "endpoint", endpoint: config.dynamoEndpoint, release: none };
  if (config.storage === "aws") return { kind: "aws", release: none };
  const start = options.embeddedEngine;
  const missing = (): Error =>
    new Error(
      "no DynamoDB configured: set AWS_ENDPOINT_URL_DYNAMODB, or STRATDECK_STORAGE=aws for DynamoDB in AWS",
    );
  if (options.ephemeral) {
    if (!start) throw missing();
    const key = newEngineKey();
    const secret = newEngineSecret();
    const engine = await start({ accessKeyId: key, secretAccessKey: secret });
    return {
      kind: "ephemeral",
      endpoint: engine.endpoint,
      accessKeyId: key,
      secretAccessKey: secret,
      release: () => engine.stop(),
    };
  }
  const stateDir = resolve(config.stateDir);
  const joined = (stack: LocalStackInfo): ResolvedStorage => ({
    kind: "stack",
    endpoint: stack.dynamoEndpoint,
    ...(stack.dynamoAccessKeyId ? { accessKeyId: stack.dynamoAccessKeyId } : {}),
    ...(stack.dynamoSecretAccessKey ? { secretAccessKey: stack.dynamoSecretAccessKey } : {}),
    ...(stack.snapshotEndpoint ? { snapshotEndpoint: stack.snapshotEndpoint } : {}),
    stateDir,
    stack,
    release: none,
  });
  const running = readLocalStack(stateDir);
  if (running) return joined(running);
  if (!start) throw missing();
  const waitMs = options.lockWaitMs ?? config.lockWaitMs;
  const locked = lockStateDir(stateDir, {
    owner: options.owner ?? "command",
    ...(waitMs !== undefined ? { waitMs } : {}),
    onWait: (holder, ahead) =>
      options.log.warn("state.lock-wait", {
        stateDir,
        holderPid: holder.pid,
        holder: holder.owner,
        ahead,
        detail: `state folder in use by pid ${holder.pid} (${holder.owner}), ${ahead} more waiting ahead; waiting in turn`,
      }),
  });
  const access = await locked.catch((err: unknown) => {
    if (err instanceof StateFolderUnwritableError && options.readOnlyState) return err;
    throw err;
  });
  if (access instanceof StateFolderUnwritableError)
    return readOnlyCopy(
      access,
      start,
      { accessKeyId: newEngineKey(), secretAccessKey: newEngineSecret() },
      options.log,
    );
  if (access.kind === "stack") return joined(access.stack);
  if (access.waitedMs >= 100)
    options.log.info("state.lock-waited", {
      stateDir,
      waitedMs: access.waitedMs,
      longestStallMs: access.longestStallMs,
    });
  try {
    await options.beforeOpen?.(stateDir);
    const key = newEngineKey();
    const secret = newEngineSecret();
    const engine = await start({
      path: join(stateDir, "dynamodb"),
      accessKeyId: key,
      secretAccessKey: secret,
    });
    return {
      kind: "embedded",
      endpoint: engine.endpoint,
      accessKeyId: key,
      secretAccessKey: secret,
      stateDir,
      release: async () => {
        await engine.stop();
        access.release();
      },
    };
  } catch (err) {
    access.release();
    throw err;
  }
}
