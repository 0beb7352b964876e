import type { MetricsSettings } from '../config/metrics-schema.js';
import type { ConfiguredMetric } from '../metrics/metric-service.js';
import { BersMetricSource } from './bers/bers-metric-source.js';
import { PrometheusMetricSource } from './prometheus/prometheus-metric-source.js';

/** Each configured metric with its source adapter (Prometheus or a service's metrics API). */
export function buildMetricSources(settings: MetricsSettings): ConfiguredMetric[] {
  return settings.definitions.map((definition) => {
    const source = definition.source;
    return {
      definition,
      source:
        source.kind === 'prometheus'
          ? new PrometheusMetricSource((source.url ?? settings.prometheusUrl)!, source.query)
          : new BersMetricSource(source.url, source.metric),
    };
  });
}
