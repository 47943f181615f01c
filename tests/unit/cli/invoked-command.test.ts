import { describe, expect, it } from "vitest";
import { invokedCommand } from "../../../packages/cli/src/support/invoked-command";

describe("invokedCommand (which command module to load)", () => {
  it("finds the command after program options, including one that takes a value", () => {
    expect(invokedCommand(["positions", "--json"])).toBe("positions");
    expect(invokedCommand(["--quiet", "--log-format", "json", "close", "p1"])).toBe("close");
    expect(invokedCommand(["--log-format=pretty", "day"])).toBe("day");
    expect(invokedCommand(["help", "backtest"])).toBe("backtest");
  });

  it("names none for the program's own help and version", () => {
    expect(invokedCommand([])).toBeUndefined();
    expect(invokedCommand(["--help"])).toBeUndefined();
    expect(invokedCommand(["-V"])).toBeUndefined();
  });
});
