/** Values of a yes/no deploy variable that mean yes. */
const YES = /^(1|true|yes|on)$/i;

/**
 * Whether this deploy's stage is disposable (`STRATDECK_DISPOSABLE_STAGE=true`, e.g. in
 * `.env.<stage>` of a dev stage): then `sst remove` deletes its tables and logs too. Every other
 * stage keeps the tables that cannot be rebuilt (deletion protection and `Retain`) whatever its
 * name, and needs an alert subscription.
 */
export function isDisposableStage(env: Readonly<Record<string, string | undefined>>): boolean {
  return YES.test(env.STRATDECK_DISPOSABLE_STAGE?.trim() ?? "");
}

/**
 * Applies the stage's removal policy to the app: everything is destroyed by `sst remove` on a
 * disposable stage; elsewhere CDK's defaults hold and the irreplaceable tables are retained.
 */
export function applyStagePolicy(
  app: { setDefaultRemovalPolicy(policy: "destroy"): void },
  env: Readonly<Record<string, string | undefined>>,
): void {
  if (isDisposableStage(env)) app.setDefaultRemovalPolicy("destroy");
}
