import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { IncidentService } from './incident-service.js';
import type { PageDelivery, PageFailure, PageFailureSink } from './pager-events.js';

const NUMBER = /^bers-incident-(\d+)$/;

export function numberOf(dedupKey: string | undefined): number | undefined {
  const match = dedupKey ? NUMBER.exec(dedupKey) : null;
  return match ? Number(match[1]) : undefined;
}

const ACTION = { trigger: 'page', acknowledge: 'acknowledgement', resolve: 'resolve' } as const;

/**
 * What happens to a page on its way, shown where the commander looks: the page card follows it
 * (sending → triggered, or delayed / not delivered), and the channel is told once when a page is
 * held up, once when it gets through after all, and when it can never be delivered.
 */
export function pageDeliveryFlows(incidents: IncidentService, clock: Clock, log: Logger): PageFailureSink {
  const incidentOf = async (n: number | undefined, key: string) => {
    const number = n ?? numberOf(key);
    return number !== undefined && (await incidents.get(number)) ? number : undefined;
  };
  return {
    async pageFailed(failure: PageFailure) {
      const number = await incidentOf(failure.incidentNumber, failure.dedupKey);
      if (number === undefined) {
        log.error(failure, 'page could not be delivered, and no incident matches it');
        return;
      }
      const text = `:warning: PagerDuty did not accept the ${ACTION[failure.action]} for incident #${number}: ${failure.reason}`;
      if (failure.action === 'trigger') {
        await incidents.changePage(number, { state: 'failed', note: failure.reason }, ['queued', 'delayed']);
      }
      if (await incidents.addTimelineEntry(number, { kind: 'paging', text, sourceKey: failure.id })) {
        await incidents.notify(number, text);
      }
    },

    async pageDelayed(delivery: PageDelivery) {
      const number = await incidentOf(delivery.incidentNumber, delivery.dedupKey);
      if (number === undefined) return;
      const reason = delivery.reason ?? 'no answer';
      const first = await incidents.changePage(
        number,
        { state: 'delayed', note: reason, delayedSince: clock.now() },
        ['queued'],
      );
      if (!first) {
        await incidents.changePage(number, { note: reason }, ['delayed']);
        return;
      }
      await incidents.notify(
        number,
        `⚠️ PagerDuty is not taking the page for incident #${number} (${reason}). The bot keeps retrying; if this cannot wait, call on-call yourself: /bers oncall`,
      );
    },

    async pageDelivered(delivery: PageDelivery) {
      const number = await incidentOf(delivery.incidentNumber, delivery.dedupKey);
      if (number === undefined) return;
      const update = await incidents.changePage(
        number,
        { state: 'triggered', note: null, delayedSince: null },
        ['queued', 'delayed'],
      );
      if (update?.before.state === 'delayed') {
        await incidents.notify(
          number,
          `✅ PagerDuty took the page for incident #${number} after ${delivery.attempts} attempts: on-call is being notified.`,
        );
      }
    },
  };
}
