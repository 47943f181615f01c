import { describe, expect, it } from "vitest";
import { bearerToken, isAuthorized, tokenMatches } from "@stratdeck/core/api";

describe("bearer auth", () => {
  it("reads the token whatever the header name or scheme case", () => {
    expect(bearerToken({ Authorization: "Bearer abc" })).toBe("abc");
    expect(bearerToken({ authorization: "bearer abc" })).toBe("abc");
    expect(bearerToken({ AUTHORIZATION: "  BEARER   abc  " })).toBe("abc");
  });

  it("refuses other schemes, empty tokens and missing headers", () => {
    expect(bearerToken({ authorization: "Basic abc" })).toBeNull();
    expect(bearerToken({ authorization: "Bearer " })).toBeNull();
    expect(bearerToken({ authorization: "Bearer a b" })).toBeNull();
    expect(bearerToken({})).toBeNull();
  });

  it("matches only the exact token, of any length", () => {
    expect(tokenMatches("secret", "secret")).toBe(true);
    expect(tokenMatches("secret", "secreT")).toBe(false);
    expect(tokenMatches("secret", "secret-and-more")).toBe(false);
    expect(tokenMatches("secret", "")).toBe(false);
    expect(tokenMatches("secret", null)).toBe(false);
  });

  it("fails closed when no token is configured", () => {
    expect(tokenMatches("", "")).toBe(false);
    expect(tokenMatches(undefined, null)).toBe(false);
    expect(isAuthorized(undefined, { authorization: "Bearer x" })).toBe(false);
  });
});
