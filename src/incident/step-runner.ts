import type { Logger } from 'pino';
import type { Chat, CreatedChannel } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { Message } from '../core/message.js';
import type { Store } from '../store/store.js';
import { incidentRepository as repo } from './incident-repository.js';
import { channelNameFor, dedupKeyOf, type Incident } from './model.js';
import type { Pager } from './pager.js';
import type { IncidentReports } from './reports.js';
import { type PendingStep, stepStore } from './step-store.js';

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
const HARMLESS_INVITE_ERRORS = new Set(['already_in_channel', 'cant_invite_self', 'user_not_found']);

/** The error code a chat adapter reports (Slack's Web API errors carry `data.error`). */
function chatErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

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
        return this.createChannel(incident);
      case 'invite':
        return this.invite(incident, p.users);
      case 'post':
        return this.post(incident, p);
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
        return this.refresh(incident);
    }
  }

  private async createChannel(incident: Incident): Promise<void> {
    if (incident.channelId) return;
    const { store, clock } = this.deps;
    for (let attempt = 1; attempt <= 10; attempt++) {
      const name = channelNameFor(incident.number, incident.title, attempt === 1 ? '' : `-${attempt}`);
      try {
        const created = await this.createOrAdopt(name, incident.isPrivate);
        await repo.updateIf(store, incident.id, { channel_id: created.id, channel_name: created.name });
        await repo.addTimeline(store, incident.id, {
          at: clock.now(),
          kind: 'channel',
          text: `Channel #${created.name} created${incident.isPrivate ? ' (private)' : ''}`,
        });
        return;
      } catch (error) {
        if (chatErrorCode(error) !== 'name_taken') throw error;
      }
    }
    throw new Error(`no free channel name for incident #${incident.number}`);
  }

  /**
   * A taken name that the bot is a member of is this step's own channel from an attempt whose
   * result was lost (a crash, or a replica whose lease ran out mid-call): adopt it, never a second one.
   */
  private async createOrAdopt(name: string, isPrivate: boolean): Promise<CreatedChannel> {
    try {
      return await this.deps.chat.createChannel(name, { private: isPrivate });
    } catch (error) {
      const own = chatErrorCode(error) === 'name_taken' && (await this.deps.chat.findOwnChannel(name));
      if (own) return own;
      throw error;
    }
  }

  private async invite(incident: Incident, users: string[]): Promise<void> {
    if (!incident.channelId) throw new Error('the channel does not exist yet');
    for (const user of [...new Set(users)]) {
      try {
        await this.deps.chat.invite(incident.channelId, [user]);
      } catch (error) {
        if (!HARMLESS_INVITE_ERRORS.has(chatErrorCode(error) ?? '')) throw error;
      }
    }
  }

  private async post(
    incident: Incident,
    p: Extract<PendingStep['payload'], { kind: 'post' }>,
  ): Promise<void> {
    const { chat, reports, store, announcementChannel } = this.deps;
    const target = p.target === 'channel' ? incident.channelId : announcementChannel;
    if (!target) throw new Error('the incident channel does not exist yet');
    let message = p.message as Message | undefined;
    if (p.render === 'initial') {
      const full = reports.initial(incident);
      message = p.target === 'announcement' ? reports.announcement(incident, 'declared', full) : full;
    }
    if (!message) throw new Error('a post step without a message');
    const ref = await chat.post(target, message);
    if (p.role) await stepStore.rememberMessage(store, incident.id, p.role, ref);
  }

  /** Re-renders the posted initial reports in place (acknowledged, commander, status, resolved). */
  async refresh(incident: Incident): Promise<void> {
    const { chat, reports, store } = this.deps;
    const full = reports.initial(incident);
    for (const m of await stepStore.messages(store, incident.id)) {
      if (m.role === 'initial-channel') await chat.update(m, full);
      if (m.role === 'initial-announcement') {
        const what = incident.status === 'resolved' ? 'resolved' : 'declared';
        await chat.update(m, reports.announcement(incident, what, full));
      }
    }
  }
}
