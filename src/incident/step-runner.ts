import type { Incident } from './model.js';
import type { PageRecord } from './page-model.js';
import type { StepRunnerDeps } from './step-runner-deps.js';
import type { PendingStep } from './step-store.js';
import { careForChannel } from './steps/channel-care.js';
import { createChannel, invite } from './steps/channel-steps.js';
import { page, pagerFollowUp, postPageCard, refreshPageCards } from './steps/page-steps.js';
import { attachPostMortem } from './steps/post-mortem-file.js';
import { post, refresh } from './steps/post-steps.js';

// Declared apart so the steps can take it without importing the runner that imports them.
export type { StepRunnerDeps } from './step-runner-deps.js';

const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Runs an incident's stored steps in order, marking each done. A failing step stops that incident's
 * run (later steps need its result) and is retried by the next sweep: start-up and periodically.
 */
export class StepRunner {
  /**
   * Channel care of one incident runs one at a time in this process: a refresh step and a page
   * report arriving together would otherwise both find a bookmark missing and both add it.
   */
  private readonly careChains = new Map<number, Promise<void>>();

  constructor(private readonly deps: StepRunnerDeps) {}

  /** Topic and bookmarks, after any run still going for the incident, from its state then. */
  private care(incidentId: number): Promise<void> {
    const run = async () => {
      const incident = await this.deps.records.incidents.byId(this.deps.store, incidentId);
      if (incident) await careForChannel(this.deps, incident);
    };
    const next = (this.careChains.get(incidentId) ?? Promise.resolve()).then(run, run);
    const tail = next.catch(() => undefined);
    this.careChains.set(incidentId, tail);
    void tail.then(() => {
      if (this.careChains.get(incidentId) === tail) this.careChains.delete(incidentId);
    });
    return next;
  }

  async run(incidentId: number): Promise<void> {
    const { store, clock } = this.deps;
    for (;;) {
      const step = await this.deps.queue.claimNext(store, incidentId, clock.now());
      if (!step || step === 'busy') return;
      if (!(await this.attempt(step))) {
        // A page never waits for Slack: a step that keeps failing before it (the channel) does not hold it.
        if (step.payload.kind !== 'page') await this.runPages(incidentId);
        return;
      }
    }
  }

  private async runPages(incidentId: number): Promise<void> {
    const { store, clock } = this.deps;
    for (;;) {
      const step = await this.deps.queue.claimKind(store, incidentId, 'page', clock.now());
      if (!step || !(await this.attempt(step))) return;
    }
  }

  /** Runs one claimed step; false when it failed (it is retried after a backoff). */
  private async attempt(step: PendingStep): Promise<boolean> {
    const { store, clock, log } = this.deps;
    try {
      await this.execute(step);
      await this.deps.queue.done(store, step.id, clock.now());
      return true;
    } catch (error) {
      const backoff = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.min(step.attempts, 10));
      log.error({ err: error, step: step.key, attempts: step.attempts }, 'incident step failed; will retry');
      await this.deps.queue.failed(store, step.id, new Date(clock.now().getTime() + backoff), String(error));
      return false;
    }
  }

  /** Completes every incident's unfinished steps (crash recovery); returns how many incidents it saw. */
  async sweep(): Promise<number> {
    const ids = await this.deps.queue.incidentsWithPending(this.deps.store);
    for (const id of ids) await this.run(id);
    return ids.length;
  }

  private async execute(step: PendingStep): Promise<void> {
    const incident = await this.deps.records.incidents.byId(this.deps.store, step.incidentId);
    if (!incident) throw new Error(`incident ${step.incidentId} is gone`);
    const p = step.payload;
    switch (p.kind) {
      case 'channel':
        return createChannel(this.deps, incident);
      case 'invite':
        return invite(this.deps, incident, p.users, p.groups);
      case 'post':
        return post(this.deps, incident, step);
      case 'page':
        return page(this.deps, incident, step);
      case 'page-card':
        return postPageCard(this.deps, incident, step, p.reason);
      case 'pager-acknowledge':
        return pagerFollowUp(this.deps, incident, step, 'acknowledge', p.by);
      case 'pager-resolve':
        return pagerFollowUp(this.deps, incident, step, 'resolve');
      case 'refresh':
        await refresh(this.deps, incident);
        // The topic and bookmarks follow what the report shows, after it.
        return this.care(incident.id);
      case 'channel-care':
        return this.care(incident.id);
      case 'post-mortem-file':
        return attachPostMortem(this.deps, incident);
    }
  }

  /** Edits the incident's page cards to show its page as it is now. */
  refreshPageCards(incident: Incident, page?: PageRecord): Promise<void> {
    return refreshPageCards(this.deps, incident, page);
  }

  /** Re-renders the posted initial report and the cards in place; the topic and bookmarks follow. */
  async refresh(incident: Incident): Promise<void> {
    await refresh(this.deps, incident);
    await this.care(incident.id);
  }
}
