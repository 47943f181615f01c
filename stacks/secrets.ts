import { Config, type StackContext } from "sst/constructs";

/**
 * Secrets of a stage, stored by SST in SSM Parameter Store (SecureString, free tier) and set with
 * `npx sst secrets set <NAME> <value> --stage <stage>`. Names equal the environment variables the
 * local shells read, so one config parser serves both.
 */
export function Secrets({ stack }: StackContext) {
  return {
    /** OAuth client secret of the tastytrade API application. */
    tastyClientSecret: new Config.Secret(stack, "TASTY_CLIENT_SECRET"),
    /** OAuth refresh token of the tastytrade grant. */
    tastyRefreshToken: new Config.Secret(stack, "TASTY_REFRESH_TOKEN"),
    /** Bearer token every HTTP API route requires. */
    apiToken: new Config.Secret(stack, "STRATDECK_API_TOKEN"),
  };
}
