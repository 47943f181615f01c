import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { StackContext } from "sst/constructs";
import * as z from "zod";
import { isDisposableStage } from "./support/stage-policy";

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

/**
 * Who is told when an alarm fires: the `ALERT_EMAIL` address, or nobody in the stack when
 * `STRATDECK_ALERTS_SUBSCRIBED_ELSEWHERE=true` says the topic is subscribed outside it (SMS,
 * Chatbot, a pager). A stage that is not disposable must have one of the two: alarms that notify
 * no one fail the synth instead of deploying.
 */
export function alertSubscription(
  stage: string,
  env: Readonly<Record<string, string | undefined>>,
): { email?: string; elsewhere: boolean } {
  const email = alertEmailFromEnv(env);
  const elsewhere = /^(1|true|yes|on)$/i.test(env.STRATDECK_ALERTS_SUBSCRIBED_ELSEWHERE?.trim() ?? "");
  if (!email && !elsewhere && !isDisposableStage(env))
    throw new Error(
      `Stage "${stage}" has no alert subscription: set ALERT_EMAIL=<address> (e.g. in .env.${stage}), ` +
        `or STRATDECK_ALERTS_SUBSCRIBED_ELSEWHERE=true if you subscribe the alert topic yourself; ` +
        `only a stage marked STRATDECK_DISPOSABLE_STAGE=true may deploy alarms that notify no one.`,
    );
  return { ...(email ? { email } : {}), elsewhere };
}

/** The SNS topic alerts and alarms go to, with an e-mail subscription when `ALERT_EMAIL` is set. */
export function Alerts({ stack, app }: StackContext) {
  const topic = new Topic(stack, "AlertTopic", {
    displayName: "StratDeck alerts",
    enforceSSL: true,
  });
  const { email, elsewhere } = alertSubscription(app.stage, process.env);
  if (email) topic.addSubscription(new EmailSubscription(email));
  stack.addOutputs({
    AlertTopicArn: topic.topicArn,
    AlertEmail:
      email ?? (elsewhere ? "subscribed outside the stack" : "none (set ALERT_EMAIL and deploy again)"),
  });
  return { topic };
}
