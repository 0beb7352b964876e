import type { Logger } from 'pino';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';
import { incidentRepository as repo } from './incident-repository.js';
import { dedupKeyOf, type Incident } from './model.js';
import type { Pager } from './pager.js';
import type { IncidentReports } from './reports.js';
import { type PendingStep, stepStore } from './step-store.js';
import { createChannel, invite } from './steps/channel-steps.js';
import { post, refresh } from './steps/post-steps.js';

export interface StepRunnerDeps {
  store: Store;
  chat: Chat;
  pager: () => Pager;
  clock: Clock;
  log: Logger;
  reports: IncidentReports;
  announcementChannel: string;
}

const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Runs an incident's stored steps in order, marking each done. A failing step stops that incident's
 * run (later steps need its result) and is retried by the next sweep: start-up and periodically.
 */
export class StepRunner {
  constructor(private readonly deps: StepRunnerDeps) {}

  async run(incidentId: number): Promise<void> {
    const { store, clock, log } = this.deps;
    for (;;) {
      const step = await stepStore.claimNext(store, incidentId, clock.now());
      if (!step || step === 'busy') return;
      try {
        await this.execute(step);
        await stepStore.done(store, step.id, clock.now());
      } catch (error) {
        const backoff = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.min(step.attempts, 10));
        log.error(
          { err: error, step: step.key, attempts: step.attempts },
          'incident step failed; will retry',
        );
        await stepStore.failed(store, step.id, new Date(clock.now().getTime() + backoff), String(error));
        return;
      }
    }
  }

  /** Completes every incident's unfinished steps (crash recovery); returns how many incidents it saw. */
  async sweep(): Promise<number> {
    const ids = await stepStore.incidentsWithPending(this.deps.store);
    for (const id of ids) await this.run(id);
    return ids.length;
  }

  private async execute(step: PendingStep): Promise<void> {
    const incident = await repo.byId(this.deps.store, step.incidentId);
    if (!incident) throw new Error(`incident ${step.incidentId} is gone`);
    const p = step.payload;
    switch (p.kind) {
      case 'channel':
        return createChannel(this.deps, incident);
      case 'invite':
        return invite(this.deps, incident, p.users);
      case 'post':
        return post(this.deps, incident, step);
      case 'page':
        return this.deps.pager().trigger(
          {
            incidentNumber: incident.number,
            dedupKey: dedupKeyOf(incident.number),
            severity: incident.severity,
            title: incident.title,
            summary: `[${incident.severity}] ${incident.title} (incident #${incident.number})`,
            services: incident.services,
            commander: incident.commanderId,
            channelLink: incident.channelId ? this.deps.chat.channelLink(incident.channelId) : undefined,
          },
          step.key,
        );
      case 'pager-acknowledge':
        return this.deps.pager().acknowledge(dedupKeyOf(incident.number), p.by, step.key);
      case 'pager-resolve':
        return this.deps.pager().resolve(dedupKeyOf(incident.number), step.key);
      case 'refresh':
        return refresh(this.deps, incident);
    }
  }

  /** Re-renders the posted initial report and the cards in place. */
  refresh(incident: Incident): Promise<void> {
    return refresh(this.deps, incident);
  }
}
