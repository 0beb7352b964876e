import type { BotConfig } from '../../config/schema.js';

/** The routing reference of the default key (PAGERDUTY_ROUTING_KEY). */
export const DEFAULT_ROUTING = '';

/**
 * Which routing key a page for these services uses: the first paging service with its own key,
 * else the default. The reference (a service name) is stored; the key is looked up at send time.
 */
export function routingFor(services: readonly string[], config: BotConfig): string {
  return services.find((s) => config.pagerduty.services[s]?.routingKey) ?? DEFAULT_ROUTING;
}

export function routingKeyOf(
  routing: string,
  config: BotConfig,
  defaultKey: string | undefined,
): string | undefined {
  if (routing === DEFAULT_ROUTING) return defaultKey || undefined;
  return config.pagerduty.services[routing]?.routingKey ?? (defaultKey || undefined);
}

/** Paging services that have neither their own routing key nor a default one. */
export function servicesWithoutRoutingKey(config: BotConfig, defaultKey: string | undefined): string[] {
  if (defaultKey) return [];
  return config.services
    .map((s) => s.name)
    .filter((name) => {
      const entry = config.pagerduty.services[name];
      return entry?.pages !== false && !entry?.routingKey;
    });
}
