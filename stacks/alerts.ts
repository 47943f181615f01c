import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { StackContext } from "sst/constructs";
import * as z from "zod";

/**
 * Reads the alert e-mail address from the deploy environment (`ALERT_EMAIL`, also picked up from
 * `.env.<stage>` by SST). Empty means no e-mail subscription; a malformed address fails the deploy.
 */
export function alertEmailFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env.ALERT_EMAIL?.trim();
  if (!raw) return undefined;
  const parsed = z.email().safeParse(raw);
  if (!parsed.success) throw new Error(`ALERT_EMAIL must be an e-mail address (got ${JSON.stringify(raw)})`);
  return parsed.data;
}

/** The SNS topic exit alerts go to, with an e-mail subscription when `ALERT_EMAIL` is set. */
export function Alerts({ stack }: StackContext) {
  const topic = new Topic(stack, "AlertTopic", {
    displayName: "StratDeck alerts",
    enforceSSL: true,
  });
  const email = alertEmailFromEnv(process.env);
  if (email) topic.addSubscription(new EmailSubscription(email));
  stack.addOutputs({
    AlertTopicArn: topic.topicArn,
    AlertEmail: email ?? "none (set ALERT_EMAIL and deploy again)",
  });
  return { topic };
}
