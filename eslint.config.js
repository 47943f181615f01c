import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".sst/**",
      ".stratdeck/**",
      "cdk.out/**",
      "dist/**",
      "test-artifacts/**",
      "**/*.d.ts",
      "**/*.tmp.ts",
      "**/_probe*",
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
    // Core never reads process.env nor the wall clock directly: those come through ports.
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/storage/engines/**", "packages/core/src/time/clock.ts"],
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
);
