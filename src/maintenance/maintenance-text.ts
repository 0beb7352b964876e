/** `2026-12-06 02:00 UTC`: windows are planned in UTC, as the seed's "Sunday 02:00–04:00 UTC". */
export function utcText(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** How far ahead an announcement is: `24 h`, `90 min`. */
export function leadText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}
