import { describe, expect, it } from "vitest";
import { createLogger, prettyLine } from "@stratdeck/core/log";

describe("pretty log lines (a person at a terminal)", () => {
  it("prints level, event and key=value fields on one line, without timestamp or service", () => {
    const lines: string[] = [];
    const log = createLogger({ service: "svc", format: "pretty", sink: (l) => lines.push(l) });
    log.warn("paper.entry.refused", {
      strategy: "iron_condor",
      reason: "max open positions",
      failed: ["credit/width 0.133 < min 0.15", "ivr"],
      leg: { strike: 5000 },
    });
    expect(lines).toEqual([
      'WARN  paper.entry.refused strategy=iron_condor reason="max open positions" failed="credit/width 0.133 < min 0.15; ivr" leg={"strike":5000}',
    ]);
  });

  it("removes secrets exactly as the JSON lines do", () => {
    const lines: string[] = [];
    const log = createLogger({ service: "svc", format: "pretty", sink: (l) => lines.push(l) });
    log.error("rest.failed", { accessToken: "abc-secret", header: "Bearer xyz.secret.value" });
    expect(lines[0]).toContain("accessToken=[REDACTED]");
    expect(lines[0]).not.toContain("abc-secret");
    expect(lines[0]).not.toContain("xyz.secret.value");
  });

  it("cuts a long value so a line stays short", () => {
    const line = prettyLine({ level: "WARN", message: "e", detail: "x".repeat(500) });
    expect(line.length).toBeLessThan(200);
    expect(line).toContain("…");
  });

  it("keeps JSON lines the default (Lambda and the stream task never pass a format)", () => {
    const lines: string[] = [];
    createLogger({ service: "svc", sink: (l) => lines.push(l) }).info("e", { a: 1 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "INFO", message: "e", a: 1 });
  });
});
