import { describe, expect, it } from "vitest";
import {
  CERTIFICATION_REST_URL,
  PRODUCTION_REST_URL,
  errorFromResponse,
  kindForStatus,
  marketDataTypeOf,
  occToStreamer,
  restBaseUrl,
  streamerToOcc,
} from "@stratdeck/core/tasty";
import { FIXTURES } from "./fixtures";

describe("error funnel", () => {
  it("turns the envelope into a typed error with code and sub-errors", () => {
    const e = errorFromResponse(
      422,
      JSON.stringify(FIXTURES.preflightFailure),
      "POST /accounts/5WT00001/orders/dry-run",
    );
    expect(e.kind).toBe("validation");
    expect(e.status).toBe(422);
    expect(e.code).toBe("preflight_check_failure");
    expect(e.subErrors[0]?.code).toBe("margin_check_failed");
    expect(e.message).toContain("POST /accounts/5WT00001/orders/dry-run");
    expect(e.message).toContain("does not have sufficient buying power");
  });
  it("handles validation sub-errors of the {domain, reason} form", () => {
    const body = {
      error: {
        code: "validation_error",
        message: "bad",
        errors: [{ domain: "price", reason: "must be > 0" }],
      },
    };
    expect(errorFromResponse(400, JSON.stringify(body), "x").message).toContain("price: must be > 0");
  });
  it("keeps a numeric error code (tastytrade /reference/errors lists numeric codes) instead of a generic message", () => {
    const body = {
      error: { code: 1003, message: "Order rejected", errors: [{ code: 22, message: "halted" }] },
    };
    const e = errorFromResponse(422, JSON.stringify(body), "POST /accounts/A/orders");
    expect(e.code).toBe("1003");
    expect(e.subErrors[0]?.code).toBe("22");
    expect(e.message).toBe("POST /accounts/A/orders: HTTP 422 1003: Order rejected (halted)");
  });
  it("survives a non-JSON error body", () => {
    const e = errorFromResponse(502, "<html>Bad Gateway</html>", "GET /market-metrics");
    expect(e.kind).toBe("server");
    expect(e.code).toBeUndefined();
    expect(e.message).toContain("HTTP 502");
  });
  it("maps statuses to kinds", () => {
    expect([400, 401, 403, 404, 422, 429, 500, 503].map(kindForStatus)).toEqual([
      "validation",
      "auth",
      "auth",
      "not-found",
      "validation",
      "rate-limit",
      "server",
      "server",
    ]);
  });
});

describe("base URL per environment", () => {
  it("production, certification, explicit override", () => {
    expect(restBaseUrl({ isTest: false })).toBe(PRODUCTION_REST_URL);
    expect(restBaseUrl({ isTest: true })).toBe(CERTIFICATION_REST_URL);
    expect(restBaseUrl({ isTest: true, apiUrl: "http://127.0.0.1:4000/" })).toBe("http://127.0.0.1:4000");
  });
});

describe("symbology", () => {
  it("converts streamer ↔ OCC", () => {
    expect(streamerToOcc(".SPXW251219P5800")).toBe("SPXW  251219P05800000");
    expect(streamerToOcc(".SPY240119C470.5")).toBe("SPY   240119C00470500");
    expect(occToStreamer("SPXW  251219P05800000")).toBe(".SPXW251219P5800");
    expect(occToStreamer("SPY   240119C00470500")).toBe(".SPY240119C470.5");
    expect(streamerToOcc("SPX")).toBeNull();
    // Adjusted roots carry digits; a root over 6 characters or a strike of 100,000+ has no OCC form.
    expect(streamerToOcc(".AAPL1251219C150")).toBe("AAPL1 251219C00150000");
    expect(occToStreamer("AAPL1 251219C00150000")).toBe(".AAPL1251219C150");
    expect(streamerToOcc(".ABCDEFG251219C150")).toBeNull();
    expect(streamerToOcc(".NDX251219C100000")).toBeNull();
  });
  it("classifies REST market-data types", () => {
    expect(marketDataTypeOf("SPX")).toBe("index");
    expect(marketDataTypeOf("AAPL")).toBe("equity");
    expect(marketDataTypeOf(".SPXW251219P5800")).toBe("equity-option");
    expect(marketDataTypeOf("SPXW  251219P05800000")).toBe("equity-option");
    expect(marketDataTypeOf("/ESZ5")).toBe("future");
  });
});
