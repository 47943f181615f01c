/** Bodies re-typed from tastytrade's documented/observed shapes (reference sheet §2). */
export const FIXTURES = {
  token: { access_token: "at-fixture-0001", expires_in: 900, token_type: "Bearer" },
  quoteToken: {
    data: {
      token: "qt-fixture-0001",
      "dxlink-url": "wss://tasty-openapi-ws.dxfeed.com/realtime",
      level: "api",
      "issued-at": "2025-06-01T13:00:00.000Z",
      "expires-at": "2025-06-02T13:00:00.000Z",
    },
    context: "/api-quote-tokens",
  },
  chain: {
    data: {
      items: [
        {
          "underlying-symbol": "SPX",
          "root-symbol": "SPXW",
          "option-chain-type": "Standard",
          "shares-per-contract": 100,
          "tick-sizes": [{ value: "0.1" }, { value: "0.05", threshold: "3.0" }],
          expirations: [
            {
              "expiration-type": "Weekly",
              "expiration-date": "2025-12-19",
              "days-to-expiration": 12,
              "settlement-type": "PM",
              strikes: [
                {
                  "strike-price": "5810.0",
                  call: "SPXW  251219C05810000",
                  "call-streamer-symbol": ".SPXW251219C5810",
                  put: "SPXW  251219P05810000",
                  "put-streamer-symbol": ".SPXW251219P5810",
                },
                {
                  "strike-price": "5800.0",
                  call: "SPXW  251219C05800000",
                  "call-streamer-symbol": ".SPXW251219C5800",
                  put: "SPXW  251219P05800000",
                  "put-streamer-symbol": ".SPXW251219P5800",
                },
              ],
            },
            {
              "expiration-type": "Weekly",
              "expiration-date": "2025-12-01",
              "settlement-type": "PM",
              strikes: [],
            },
          ],
        },
      ],
    },
    context: "/option-chains/SPX/nested",
  },
  marketData: {
    data: {
      items: [
        {
          symbol: "SPX",
          "instrument-type": "Index",
          "updated-at": "2025-06-02T20:15:00.123Z",
          bid: "5998.1",
          ask: "6001.2",
          mid: "5999.65",
          mark: "5999.65",
          last: "5999.3",
          "prev-close": "5950.4",
          "is-trading-halted": false,
        },
      ],
    },
  },
  metricsLive: {
    data: {
      items: [
        {
          symbol: "SPX",
          "implied-volatility-index": "0.2237",
          "implied-volatility-index-rank": "0.0223",
          "implied-volatility-percentile": "0.0312",
          "implied-volatility-updated-at": "2025-06-02T20:00:00Z",
          "liquidity-rating": 4,
        },
      ],
    },
  },
  metricsSpec: {
    data: {
      items: [{ symbol: "SPX", "implied-volatility-rank": 0.41, "implied-volatility-percentile": 0.5 }],
    },
  },
  accounts: {
    data: {
      items: [
        {
          account: {
            "account-number": "5WT00001",
            nickname: "main",
            "account-type-name": "Individual",
            "margin-or-cash": "Margin",
            "is-closed": false,
          },
          "authority-level": "owner",
        },
      ],
    },
  },
  dryRun: {
    data: {
      order: { "account-number": "5WT00001", status: "Received", legs: [] },
      warnings: [],
      "buying-power-effect": {
        "change-in-margin-requirement": "875.0",
        "change-in-margin-requirement-effect": "Debit",
        "change-in-buying-power": "875.0",
        "change-in-buying-power-effect": "Debit",
      },
      "fee-calculation": { "total-fees": "3.54", "total-fees-effect": "Debit" },
    },
    context: "/accounts/5WT00001/orders/dry-run",
  },
  preflightFailure: {
    data: { "buying-power-effect": {} },
    error: {
      code: "preflight_check_failure",
      message: "One or more preflight checks failed",
      errors: [
        {
          code: "margin_check_failed",
          message: "Account does not have sufficient buying power available for this order.",
        },
      ],
    },
  },
} as const;
