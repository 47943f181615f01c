import { defineConfig } from "vitest/config";

/**
 * The AWS SDK warns once per process on Node below 22. The supported Node (engines, CI via
 * .ci/run) is 24, where nothing is silenced; only a run on an older local Node keeps its output
 * free of that warning.
 */
const belowSupportedNode = Number(process.versions.node.split(".")[0]) < 22;

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // 2 cores in CI: keep parallelism modest so socket and engine tests do not starve each other.
    maxWorkers: 2,
    env: belowSupportedNode ? { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } : {},
    reporters: process.env.CI ? ["verbose"] : ["default"],
  },
});
