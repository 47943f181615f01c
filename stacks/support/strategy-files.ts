/**
 * Ships the repo's `strategies.yaml` inside a function bundle and points the config at it (Lambda's
 * working directory is the bundle root, /var/task). Every function that builds the shared deps
 * needs it: `buildDeps` loads the strategies file.
 */
export const STRATEGY_FILES = {
  copyFiles: [{ from: "strategies.yaml", to: "strategies.yaml" }],
  environment: { STRATDECK_STRATEGIES_FILE: "strategies.yaml" },
};
