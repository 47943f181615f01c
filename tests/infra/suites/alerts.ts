import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { alertEmailFromEnv } from "../../../stacks/alerts";
import { ALERT_EMAIL, type BuiltApp } from "../built-app";

export function alertsSuite(app: () => BuiltApp): void {
  describe("alerts", () => {
    it("subscribes the ALERT_EMAIL address to the topic", () => {
      app().templates.Alerts.hasResourceProperties("AWS::SNS::Subscription", {
        Protocol: "email",
        Endpoint: ALERT_EMAIL,
      });
    });

    it("denies publishing over plain HTTP", () => {
      app().templates.Alerts.hasResourceProperties("AWS::SNS::TopicPolicy", {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: "Deny",
              Action: "sns:Publish",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
          ]),
        },
      });
    });

    it("reads ALERT_EMAIL: empty means no subscription, a malformed address fails the deploy", () => {
      expect(alertEmailFromEnv({})).toBeUndefined();
      expect(alertEmailFromEnv({ ALERT_EMAIL: "  " })).toBeUndefined();
      expect(alertEmailFromEnv({ ALERT_EMAIL: " me@example.org " })).toBe("me@example.org");
      expect(() => alertEmailFromEnv({ ALERT_EMAIL: "not-an-address" })).toThrow(
        /ALERT_EMAIL must be an e-mail/,
      );
    });
  });
}
