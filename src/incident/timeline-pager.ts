import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';
import type { IncidentRows } from './incident-records.js';
import type { PageRequest, Pager } from './pager.js';

const NUMBER = /^bers-incident-(\d+)$/;

/**
 * The Pager used until a paging integration is configured: it pages nobody and records what it
 * would have done in the incident's timeline, so the decision is never silent.
 */
export class TimelinePager implements Pager {
  readonly configured = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly incidents: Pick<IncidentRows, 'byNumber' | 'addTimeline'>,
  ) {}

  async trigger(request: PageRequest, requestKey?: string): Promise<void> {
    await this.record(
      request.incidentNumber,
      `No paging integration configured: would page on-call for "${request.summary}"`,
      requestKey,
    );
  }

  async acknowledge(dedupKey: string, by: string, requestKey?: string): Promise<void> {
    await this.record(
      NUMBER.exec(dedupKey)?.[1],
      `No paging integration configured: acknowledgement by ${by} not sent`,
      requestKey,
    );
  }

  async resolve(dedupKey: string, requestKey?: string): Promise<void> {
    await this.record(
      NUMBER.exec(dedupKey)?.[1],
      'No paging integration configured: nothing to resolve',
      requestKey,
    );
  }

  private async record(number: number | string | undefined, text: string, requestKey?: string) {
    const incident =
      number === undefined ? undefined : await this.incidents.byNumber(this.store, Number(number));
    if (!incident) return;
    await this.incidents.addTimeline(this.store, incident.id, {
      at: this.clock.now(),
      kind: 'paging',
      text,
      // A re-run step records its decision once.
      sourceKey: requestKey && `pager:${requestKey}`,
    });
  }
}
