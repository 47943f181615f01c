import type { AppConfig } from "../config/app-config";
import { ConsoleNotifier, type Notifier } from "../alerts/notifier";
import type { Log } from "../log/log";
import type { SdkLogger } from "../log/sdk-logger";

/**
 * Where alerts go: SNS when the config names a topic, else the log. The SNS client is loaded only
 * then, so functions without a topic never evaluate it.
 */
export async function notifierFor(config: AppConfig, log: Log, awsLog: SdkLogger): Promise<Notifier> {
  if (!config.alertTopicArn) return new ConsoleNotifier(log.child({ component: "alerts" }));
  const [{ SNSClient }, { SnsNotifier }] = await Promise.all([
    import("@aws-sdk/client-sns"),
    import("../alerts/sns-notifier"),
  ]);
  return new SnsNotifier(new SNSClient({ region: config.region, logger: awsLog }), config.alertTopicArn);
}
