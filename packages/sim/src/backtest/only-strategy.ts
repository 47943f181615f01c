import { IdeasRequestError, type StrategiesConfig } from "@stratdeck/core/strategies";

/**
 * The strategies config with only `name` enabled (the scheduled jobs scan enabled strategies), or
 * unchanged without a name. An unknown or unlisted name is an {@link IdeasRequestError} naming it.
 */
export function onlyStrategy(config: StrategiesConfig, name: string | undefined): StrategiesConfig {
  if (name === undefined) return config;
  const listed = Object.keys(config.strategies);
  if (!listed.includes(name))
    throw new IdeasRequestError(
      `strategy "${name}" is not listed in strategies.yaml (listed: ${listed.join(", ")})`,
    );
  const strategies = Object.fromEntries(
    Object.entries(config.strategies).map(([k, rules]) => [
      k,
      rules ? { ...rules, enabled: k === name } : rules,
    ]),
  );
  return { ...config, strategies };
}

/**
 * The strategies config scanning only the underlyings the market has prices for (a replay of SPX
 * history has no RUT): each strategy's list intersected with `available`; unchanged when the
 * market has them all.
 */
export function onMarket(config: StrategiesConfig, available: readonly string[]): StrategiesConfig {
  const has = new Set(available);
  const strategies = Object.fromEntries(
    Object.entries(config.strategies).map(([k, rules]) => [
      k,
      rules ? { ...rules, underlyings: rules.underlyings.filter((u) => has.has(u)) } : rules,
    ]),
  );
  return { ...config, strategies };
}
