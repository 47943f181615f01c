import fs from "node:fs";
import path from "node:path";
import { Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { SSTConfig } from "sst";
import { App } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import * as z from "zod";

/** Options of {@link buildOfflineApp}. */
export interface OfflineAppOptions {
  stage: string;
  /** Where the cloud assembly (CloudFormation templates, assets) is written. */
  outdir: string;
  region?: string;
  /** Placeholder account id; availability zones for it come from the committed cdk.context.json. */
  account?: string;
  /** Apply cdk-nag's AwsSolutions pack (findings become synth annotations). */
  nag?: boolean;
  /** Deploy-time environment (e.g. ALERT_EMAIL), applied after SST has loaded `.env*` files. */
  env?: Record<string, string>;
}

/** Account id used for offline builds (its AZ lookup is committed in cdk.context.json). */
export const OFFLINE_ACCOUNT = "123456789012";

/** `cdk.context.json`: cached context lookups by key (values are whatever CDK stored). */
const CdkContext = z.record(z.string(), z.unknown());

/**
 * Builds the SST app in-process with no AWS credentials and no Docker: SST skips bootstrap lookups
 * and container builds when NODE_ENV=test, functions are bundled with esbuild, and the templates
 * are synthesized into `outdir`. Shared by `npm run synth` and the infra tests.
 */
export async function buildOfflineApp(config: SSTConfig, options: OfflineAppOptions): Promise<App> {
  process.env.NODE_ENV = "test";
  const region = options.region ?? "us-east-1";
  await initProject({ stage: options.stage, region });
  Object.assign(process.env, options.env ?? {});
  const { paths, config: project } = useProject();
  const contextFile = path.join(paths.root, "cdk.context.json");
  const context = fs.existsSync(contextFile)
    ? CdkContext.parse(JSON.parse(fs.readFileSync(contextFile, "utf8")))
    : {};
  const app = new App(
    {
      mode: "deploy",
      stage: options.stage,
      name: project.name,
      region,
      account: options.account ?? OFFLINE_ACCOUNT,
    },
    { outdir: options.outdir, context },
  );
  if (options.nag) Aspects.of(app).add(new AwsSolutionsChecks({ reports: true }));
  await config.stacks(app);
  await app.finish();
  return app;
}
