import type { SSTConfig } from "sst";
import { HttpApi } from "./stacks/api";
import { Alerts } from "./stacks/alerts";
import { Jobs } from "./stacks/jobs";
import { Secrets } from "./stacks/secrets";
import { Storage } from "./stacks/storage";
import { Stream } from "./stacks/stream";
import { suppressSstInternalsEverywhere } from "./stacks/support/nag";

/** Stages whose resources are disposable (`sst remove` deletes tables and logs too). */
const isDisposable = (stage: string) => stage !== "prod";

export default {
  config() {
    return { name: "stratdeck", region: "us-east-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({
      runtime: "nodejs22.x",
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
        esbuild: { target: "node22" },
      },
    });
    if (isDisposable(app.stage)) app.setDefaultRemovalPolicy("destroy");
    app.stack(Storage).stack(Secrets).stack(Alerts).stack(Stream).stack(Jobs).stack(HttpApi);
    suppressSstInternalsEverywhere(app);
  },
} satisfies SSTConfig;
