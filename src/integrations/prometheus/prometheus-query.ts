import type { PrometheusAnswer } from '../../health/probes.js';
import { PrometheusClient, PrometheusError } from './prometheus-client.js';

/**
 * An instant query for the Prometheus check. Prometheus answering with an error of its own (bad
 * PromQL, query timeout) is an answer, not a failure: its words go back for the check's reason.
 * Failing to reach it (refused, timed out, aborted) throws, as the other probes do.
 */
export async function queryPrometheus(
  url: string,
  query: string,
  signal: AbortSignal,
): Promise<PrometheusAnswer> {
  try {
    return { samples: await new PrometheusClient(url).instant(query, signal) };
  } catch (error) {
    if (error instanceof PrometheusError) return { error: error.message };
    throw error;
  }
}
