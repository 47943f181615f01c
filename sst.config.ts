import type { SSTConfig } from "sst";
import { HttpApi } from "./stacks/api";
import { Alerts } from "./stacks/alerts";
import { Jobs } from "./stacks/jobs";
import { Monitoring } from "./stacks/monitoring";
import { Secrets } from "./stacks/secrets";
import { Storage } from "./stacks/storage";
import { Stream } from "./stacks/stream";
import { suppressSstInternalsEverywhere } from "./stacks/support/nag";
import { assertSecretsSet } from "./stacks/support/secrets-check";
import { applyStagePolicy } from "./stacks/support/stage-policy";

export default {
  config() {
    return { name: "stratdeck", region: "us-east-1" };
  },
  async stacks(app) {
    // A real deploy (not the offline build, which sets NODE_ENV=test) stops before CloudFormation
    // when a secret the task and jobs need is unset, naming the command that sets it.
    if (process.env.NODE_ENV !== "test") await assertSecretsSet(app.stage);
    app.setDefaultFunctionProps({
      runtime: "nodejs24.x",
      architecture: "arm_64",
      memorySize: "1024 MB",
      timeout: "30 seconds",
      tracing: "disabled",
      environment: {
        STRATDECK_DATA_MODE: "live",
        STRATDECK_TRADING_MODE: "paper",
        STRATDECK_LOG_LEVEL: "INFO",
      },
      nodejs: {
        format: "esm",
        minify: true,
        sourcemap: false,
        esbuild: { target: "node24" },
      },
    });
    applyStagePolicy(app, process.env);
    app
      .stack(Storage)
      .stack(Secrets)
      .stack(Alerts)
      .stack(Stream)
      .stack(Jobs)
      .stack(HttpApi)
      .stack(Monitoring);
    suppressSstInternalsEverywhere(app);
  },
} satisfies SSTConfig;
