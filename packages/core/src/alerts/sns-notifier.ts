import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { AlertMessage, Notifier } from "./notifier";

/** SNS limits the subject to 100 printable ASCII characters on one line. */
const SUBJECT_MAX = 100;

/** SNS subjects must be ASCII, without line breaks, and start with a letter, number or punctuation. */
export function snsSubject(subject: string): string {
  const ascii = subject
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[^\x20-\x7E]/g, "?")
    .trim();
  const text = ascii.length > 0 ? ascii : "StratDeck alert";
  return text.length > SUBJECT_MAX ? text.slice(0, SUBJECT_MAX - 1) + "~" : text;
}

/** Notifier that publishes to an SNS topic (PublishCommand), with string message attributes. */
export class SnsNotifier implements Notifier {
  constructor(
    private readonly client: SNSClient,
    /** Topic ARN to publish to. */
    private readonly topicArn: string,
  ) {}

  async publish(alert: AlertMessage): Promise<void> {
    const attrs = Object.entries(alert.attributes ?? {}).filter(([, v]) => v !== "");
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: snsSubject(alert.subject),
        Message: alert.message,
        MessageAttributes: Object.fromEntries(
          attrs.map(([k, v]) => [k, { DataType: "String", StringValue: v }]),
        ),
      }),
    );
  }
}
