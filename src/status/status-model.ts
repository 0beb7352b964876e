/** What the status page shows, in the public's words; the HTML, JSON and Atom renderings read it. */
export type PublicState = 'operational' | 'degraded' | 'outage' | 'unknown';

export interface StatusModel {
  title: string;
  overall: PublicState;
  components: { name: string; state: PublicState }[];
  incidents: {
    number: number;
    title: string;
    severity: string;
    status: string;
    declaredAt: string;
    resolvedAt?: string;
    updates: { at: string; text: string }[];
  }[];
}
