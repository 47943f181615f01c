import { afterEach, describe, expect, it, vi } from "vitest";
import { setCliContext } from "../../../packages/cli/src/support/cli-context";
import { chooseLogFormat, cliLogger } from "../../../packages/cli/src/support/cli-log";

const base = { flag: undefined, stderrIsTTY: false, env: {}, command: "positions" } as const;

describe("CLI log format", () => {
  it("is human on a terminal, JSON when stderr is not one, and --log-format wins", () => {
    expect(chooseLogFormat({ ...base, stderrIsTTY: true })).toBe("pretty");
    expect(chooseLogFormat(base)).toBe("json");
    expect(chooseLogFormat({ ...base, flag: "pretty" })).toBe("pretty");
    expect(chooseLogFormat({ ...base, stderrIsTTY: true, flag: "json" })).toBe("json");
  });

  it("is always JSON in Lambda, in an ECS task and for the stream task", () => {
    const tty = { ...base, stderrIsTTY: true, flag: "pretty" } as const;
    expect(chooseLogFormat({ ...tty, env: { AWS_LAMBDA_FUNCTION_NAME: "f" } })).toBe("json");
    expect(chooseLogFormat({ ...tty, env: { ECS_CONTAINER_METADATA_URI_V4: "http://x" } })).toBe("json");
    expect(chooseLogFormat({ ...base, stderrIsTTY: true, command: "stream" })).toBe("json");
  });
});

describe("cliLogger", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setCliContext({ quiet: false, logFormat: "json", levelChosen: false });
  });

  function stderrLines(fn: () => void): string[] {
    const out: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    fn();
    return out;
  }

  it("writes human lines at WARN and above only, unless STRATDECK_LOG_LEVEL was chosen", () => {
    setCliContext({ logFormat: "pretty", levelChosen: false });
    const lines = stderrLines(() => {
      const log = cliLogger("t", "INFO");
      log.info("quiet.info");
      log.warn("loud.warn", { n: 1 });
    });
    expect(lines).toEqual(["WARN  loud.warn n=1\n"]);
    setCliContext({ levelChosen: true });
    expect(stderrLines(() => cliLogger("t", "INFO").info("chosen.info"))).toEqual(["INFO  chosen.info\n"]);
  });

  it("writes nothing with --quiet", () => {
    setCliContext({ logFormat: "pretty", quiet: true });
    const lines = stderrLines(() => {
      const log = cliLogger("t", "DEBUG");
      log.error("even.errors");
      log.child({ a: 1 }).warn("and.children");
    });
    expect(lines).toEqual([]);
  });
});
