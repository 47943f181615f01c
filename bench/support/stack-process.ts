import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, cliEnv } from "../../tests/support/cli-process";

/** Clock ticks per second of /proc/<pid>/stat times (Linux: 100). */
const CLK_TCK = 100;

/** A `stratdeck start` child on a temporary state folder and free ports. */
export interface StackProcess {
  api: string;
  token: string;
  pid: number;
  stateDir: string;
  /** CPU seconds (user + system) used so far. */
  cpuSeconds(): number;
  /** Resident memory now, MB. */
  rssMB(): number;
  /** Bytes on disk in the state folder. */
  stateBytes(): number;
  /** GET `path` with the token; resolves to the status (0 on a network error). */
  get(path: string): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the stack (sim mode, default config, free ports) and waits for its address. */
export async function startStackProcess(env: Record<string, string> = {}): Promise<StackProcess> {
  const stateDir = mkdtempSync(join(tmpdir(), "stratdeck-bench-local-"));
  const child: ChildProcess = spawn(process.execPath, [CLI, "start", "--json", "--port", "0"], {
    env: cliEnv({ STRATDECK_STATE_DIR: stateDir, STRATDECK_LOG_LEVEL: "WARN", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4_000)));
  const info = await new Promise<{ api: string; token: string }>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      try {
        resolve(JSON.parse(out) as { api: string; token: string });
      } catch {
        // not the whole document yet
      }
    });
    child.once("exit", (code) => reject(new Error(`stratdeck start exited ${code}: ${err}`)));
  });
  const pid = child.pid!;
  const auth = { authorization: `Bearer ${info.token}` };
  return {
    ...info,
    pid,
    stateDir,
    cpuSeconds: () => {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(f[11]) + Number(f[12])) / CLK_TCK;
    },
    rssMB: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : NaN;
    },
    stateBytes: () => folderBytes(stateDir),
    get: async (path) => {
      try {
        const r = await fetch(info.api + path, { headers: auth });
        await r.arrayBuffer();
        return r.status;
      } catch {
        return 0;
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    try {
      n += e.isDirectory() ? folderBytes(p) : statSync(p).size;
    } catch {
      // removed meanwhile (compaction)
    }
  }
  return n;
}

/** Waits `ms`. */
export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
