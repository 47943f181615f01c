import js from "@eslint/js";
import vitest from "@vitest/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".sst/**",
      ".stratdeck/**",
      "cdk.out/**",
      "**/dist/**",
      "test-artifacts/**",
      "**/*.d.ts",
      "**/*.tmp.ts",
      "**/_probe*",
      "**/*.tmp.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Typed linting: typescript-eslint's recommended type-checked rules plus the stricter picks
    // below, all using the type checker (the project's tsconfig via the project service). The
    // exception blocks after this one turn single rules off for named files, so they must follow it.
    files: ["**/*.ts"],
    extends: [...tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/require-await": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    // Justified exceptions to require-await: in-memory adapters and fakes implement async ports;
    // `async` without `await` keeps a thrown error a rejection, as the real adapters behave.
    files: [
      "packages/core/src/**/memory-*.ts",
      "packages/core/src/alerts/notifier.ts",
      "packages/sim/src/fixture-market.ts",
      "packages/sim/src/backtest/market-*.ts",
      "tests/**/*.ts",
      "bench/**/*.ts",
    ],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    // Justified exceptions to no-non-null-assertion: tests and benches (a wrong `!` fails the run
    // loudly, which is what a test wants) and the hot decoders/numeric kernels whose indexed loops
    // are bounds-checked by their loop conditions (noUncheckedIndexedAccess types each read as
    // possibly undefined; a check per byte or grid point would cost the ingest budget).
    files: [
      "tests/**/*.ts",
      "bench/**/*.ts",
      "packages/core/src/dxlink/byte-table.ts",
      "packages/core/src/dxlink/compact-scanner.ts",
      "packages/core/src/dxlink/frame-reader.ts",
      "packages/core/src/dxlink/market-book.ts",
      "packages/core/src/dxlink/parsed-decoder.ts",
      "packages/core/src/dxlink/row-stage.ts",
      "packages/core/src/strategies/expiration-select.ts",
      "packages/core/src/strategies/lognormal.ts",
      "packages/core/src/strategies/priced-option.ts",
      "packages/core/src/strategies/stream-targets.ts",
      "packages/core/src/strategies/strike-window.ts",
      "packages/core/src/stream/snapshot-values.ts",
      "packages/core/src/stream/snapshot-writer.ts",
    ],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Justified exception to no-unsafe-assignment in tests: vitest types its asymmetric matchers
    // (expect.any, expect.stringMatching, expect.objectContaining, expect.arrayContaining) as `any`
    // so they fit any expected shape, and every use inside an expected object is an assignment of
    // `any`. The other no-unsafe-* rules stay on, so an untyped JSON.parse result is still caught
    // where a test reads from it.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    // Tests: no focused tests, and every test asserts something (helpers named expect*/assert*).
    files: ["tests/**/*.ts"],
    plugins: { vitest },
    rules: {
      "vitest/no-focused-tests": "error",
      "vitest/expect-expect": [
        "error",
        {
          assertFunctionNames: ["expect", "expect*", "assert*", "app.**.hasResourceProperties", "*.waitFor"],
        },
      ],
    },
  },
  {
    // Core never reads process.env nor the wall clock directly: those come through ports. The
    // simulator and the backtest keep the same rule (they run on a Clock, fast or fake).
    files: ["packages/core/src/**/*.ts", "packages/sim/src/**/*.ts"],
    ignores: ["packages/core/src/time/clock.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Core receives config through deps; read env in a shell.",
        },
        { object: "Date", property: "now", message: "Use the Clock port." },
      ],
    },
  },
  {
    // Everything a Lambda bundle can reach validates with zod/mini: the classic build costs every
    // handler ~90 KB and its import time (tests/unit/architecture/handler-bundles.test.ts). The
    // simulator and the CLI never run in a Lambda and may use classic zod.
    files: ["packages/core/src/**/*.ts", "packages/functions/src/**/*.ts"],
    ignores: ["packages/core/src/sim/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["zod", "zod/v4", "zod/v3"].map((name) => ({
            name,
            message: 'Import zod/mini (import * as z from "zod/mini") and "validation/zod-english".',
          })),
        },
      ],
    },
  },
);
