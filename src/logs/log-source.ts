/** What `/bers logs` asks a source for: lines written in the last `sinceSeconds`, at most `tail` of them. */
export interface LogQuery {
  sinceSeconds: number;
  tail: number;
}

/**
 * Where a service's logs come from: its Kubernetes pods, its Docker containers, or a program that
 * prints them. Lines come back oldest first, each prefixed with where it came from when there are
 * several places (`[unjucks-api-7d9f-x2] …`). Errors carry a message fit for the user.
 */
export interface LogSource {
  /** "kubernetes pods of deployment/unjucks-api -n unjucks-prod" */
  describe(): string;
  read(query: LogQuery, signal: AbortSignal): Promise<string[]>;
}

/**
 * Lines from several places, merged in time order by their leading RFC 3339 timestamp (Kubernetes
 * and Docker both add one when asked), each tagged with its origin. Lines without a time keep
 * their place after the timed ones of their origin.
 */
export function mergeByTime(byOrigin: readonly { origin: string; lines: readonly string[] }[]): string[] {
  const tagged = byOrigin.flatMap(({ origin, lines }, o) =>
    lines.map((line, i) => {
      const at = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\s/.exec(line)?.[1];
      const label = byOrigin.length > 1 ? `[${origin}] ` : '';
      return {
        at: at ?? '',
        o,
        i,
        text: at ? `${at} ${label}${line.slice(at.length + 1)}` : `${label}${line}`,
      };
    }),
  );
  tagged.sort((a, b) => (a.at && b.at && a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.o - b.o || a.i - b.i));
  return tagged.map((t) => t.text);
}
