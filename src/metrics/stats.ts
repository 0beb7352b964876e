export interface SeriesStats {
  count: number;
  average: number;
  p95: number;
  max: number;
  min: number;
}

/** Average, 95th percentile (nearest rank) and extremes; undefined for an empty series. */
export function seriesStats(values: readonly number[]): SeriesStats | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  const sorted = [...finite].sort((a, b) => a - b);
  const rank = Math.ceil(0.95 * sorted.length) - 1;
  return {
    count: sorted.length,
    average: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
    p95: sorted[Math.max(0, rank)]!,
    max: sorted[sorted.length - 1]!,
    min: sorted[0]!,
  };
}
