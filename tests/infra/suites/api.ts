import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { API_ROUTES as CORE_ROUTES } from "@stratdeck/core/api";
import { API_ROUTES } from "../../../stacks/api";
import { resourcesOfType, type BuiltApp } from "../built-app";

export function apiSuite(app: () => BuiltApp): void {
  describe("HTTP API", () => {
    const routes = () => resourcesOfType(app(), "AWS::ApiGatewayV2::Route", ["HttpApi"]);

    it("serves exactly the core route table's routes (no $default catch-all)", () => {
      const keys = routes().map(([, , r]) => r.Properties?.RouteKey as string);
      expect(new Set(keys)).toEqual(new Set(CORE_ROUTES.map((r) => `${r.method} ${r.pattern}`)));
      expect(new Set(keys)).toEqual(new Set(Object.keys(API_ROUTES)));
      expect(keys).not.toContain("$default");
    });

    it("protects every route with the bearer-token Lambda authorizer", () => {
      const [[, authorizerId]] = resourcesOfType(app(), "AWS::ApiGatewayV2::Authorizer", ["HttpApi"]) as [
        [string, string, unknown],
      ];
      for (const [, , r] of routes()) {
        expect(r.Properties, String(r.Properties?.RouteKey)).toMatchObject({
          AuthorizationType: "CUSTOM",
          AuthorizerId: { Ref: authorizerId },
        });
      }
    });

    it("caches the authorizer's simple answer per Authorization header for 5 minutes", () => {
      app().templates.HttpApi.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
        AuthorizerType: "REQUEST",
        EnableSimpleResponses: true,
        IdentitySource: ["$request.header.Authorization"],
        AuthorizerResultTtlInSeconds: 300,
        AuthorizerPayloadFormatVersion: "2.0",
      });
    });

    it("logs access to a log group and throttles the stage", () => {
      app().templates.HttpApi.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
        StageName: "$default",
        AccessLogSettings: {
          DestinationArn: { "Fn::GetAtt": [Match.stringLikeRegexp("^ApiLogGroup"), "Arn"] },
          Format: Match.anyValue(),
        },
        DefaultRouteSettings: { ThrottlingBurstLimit: 20, ThrottlingRateLimit: 10 },
      });
    });
  });
}
