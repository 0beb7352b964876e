import type { MetricsSettings } from '../config/metrics-schema.js';
import { BersMetricSource } from '../integrations/bers/bers-metric-source.js';
import { PrometheusMetricSource } from '../integrations/prometheus/prometheus-metric-source.js';
import type { ConfiguredMetric } from '../metrics/metric-service.js';
import type { MetricSource } from '../metrics/model.js';

type MetricDefinition = MetricsSettings['definitions'][number];

/** The registry of metric source kinds: each configured metric with its source adapter. */
export function buildMetricSources(settings: MetricsSettings): ConfiguredMetric[] {
  return settings.definitions.map((definition) => ({
    definition,
    source: metricSourceFor(definition, settings),
  }));
}

/** Exhaustive over the schema's kinds: a new kind is its schema, its adapter and one case here. */
function metricSourceFor(definition: MetricDefinition, settings: MetricsSettings): MetricSource {
  const source = definition.source;
  switch (source.kind) {
    case 'prometheus':
      return new PrometheusMetricSource((source.url ?? settings.prometheusUrl)!, source.query);
    case 'service-api':
      return new BersMetricSource(source.url, source.metric);
  }
}
