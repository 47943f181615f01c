import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handler } from "../../../packages/functions/src/api/authorizer";
import { authorizerEvent } from "./fixtures";

describe("HTTP API Lambda authorizer", () => {
  const saved = process.env.STRATDECK_API_TOKEN;
  beforeAll(() => {
    process.env.STRATDECK_API_TOKEN = "s3cret-token";
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.STRATDECK_API_TOKEN;
    else process.env.STRATDECK_API_TOKEN = saved;
  });

  it("allows the configured bearer token only", async () => {
    expect(await handler(authorizerEvent({ authorization: "Bearer s3cret-token" }))).toEqual({
      isAuthorized: true,
    });
    expect(await handler(authorizerEvent({ authorization: "Bearer s3cret-tokeN" }))).toEqual({
      isAuthorized: false,
    });
    expect(await handler(authorizerEvent({ authorization: "s3cret-token" }))).toEqual({
      isAuthorized: false,
    });
    expect(await handler(authorizerEvent({}))).toEqual({ isAuthorized: false });
  });

  it("denies a malformed event", async () => {
    expect(await handler({ headers: "nope" })).toEqual({ isAuthorized: false });
    expect(await handler({ headers: { authorization: 5 } })).toEqual({ isAuthorized: false });
    expect(await handler(null)).toEqual({ isAuthorized: false });
  });

  it("denies everything when no token is configured", async () => {
    delete process.env.STRATDECK_API_TOKEN;
    expect(await handler(authorizerEvent({ authorization: "Bearer " }))).toEqual({ isAuthorized: false });
    expect(await handler(authorizerEvent({ authorization: "Bearer undefined" }))).toEqual({
      isAuthorized: false,
    });
    process.env.STRATDECK_API_TOKEN = "s3cret-token";
  });
});
