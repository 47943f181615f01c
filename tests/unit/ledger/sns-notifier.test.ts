import { describe, expect, it, beforeEach } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { ConsoleNotifier } from "@stratdeck/core/alerts";
import { snsSubject, SnsNotifier } from "@stratdeck/core/alerts/sns-notifier";
import type { Log } from "@stratdeck/core/log";

const sns = mockClient(SNSClient);
const TOPIC = "arn:aws:sns:us-east-1:123456789012:stratdeck-alerts";

describe("SnsNotifier", () => {
  beforeEach(() => sns.reset());

  it("publishes subject, message and string attributes to the topic", async () => {
    sns.on(PublishCommand).resolves({ MessageId: "m-1" });
    await new SnsNotifier(new SNSClient({ region: "us-east-1" }), TOPIC).publish({
      subject: "StratDeck exit: profit-target SPX 2027-01-08",
      message: "take profit",
      attributes: { positionId: "pos_1", rule: "profit-target" },
    });
    const calls = sns.commandCalls(PublishCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      TopicArn: TOPIC,
      Subject: "StratDeck exit: profit-target SPX 2027-01-08",
      Message: "take profit",
      MessageAttributes: {
        positionId: { DataType: "String", StringValue: "pos_1" },
        rule: { DataType: "String", StringValue: "profit-target" },
      },
    });
  });

  it("propagates a failed publish so the caller can release its claim", async () => {
    sns.on(PublishCommand).rejects(new Error("throttled"));
    const n = new SnsNotifier(new SNSClient({ region: "us-east-1" }), TOPIC);
    await expect(n.publish({ subject: "s", message: "m" })).rejects.toThrow("throttled");
  });

  it("makes subjects SNS-safe: one ASCII line of at most 100 characters", () => {
    expect(snsSubject("SPX ≥ 2×\nloss")).toBe("SPX ? 2? loss");
    expect(snsSubject("x".repeat(150))).toHaveLength(100);
    expect(snsSubject("  ")).toBe("StratDeck alert");
  });
});

describe("ConsoleNotifier", () => {
  it("logs alert.sent", async () => {
    const lines: unknown[][] = [];
    const log = { info: (...a: unknown[]) => lines.push(a) } as unknown as Log;
    await new ConsoleNotifier(log).publish({ subject: "s", message: "m" });
    expect(lines).toEqual([
      ["alert.sent", { channel: "console", subject: "s", message: "m", attributes: {} }],
    ]);
  });
});
