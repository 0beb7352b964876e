import { chatErrorCode, chatRefusal } from '../../core/chat.js';
import type { Message } from '../../core/message.js';
import { cardRefs, cardsOf, MAIN_CARD_ROLE } from '../cards.js';
import type { Incident } from '../model.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';
import type { PendingStep } from '../step-store.js';
import { postOnce } from './marked-post.js';

type PostPayload = Extract<PendingStep['payload'], { kind: 'post' }>;

/**
 * A post step. In the incident channel it is a message of its own (the channel keeps the whole
 * conversation); to the announcement channels it is the card itself (`role`) or, for everything
 * after the card, a reply in each card's thread, `broadcast` also showing it in the channel.
 */
export async function post(deps: StepRunnerDeps, incident: Incident, step: PendingStep): Promise<void> {
  const p = step.payload as PostPayload;
  const message = await messageOf(deps, incident, p);
  if (p.target === 'announcement' && !p.role) return postInThreads(deps, incident, message, step);
  const target = p.target === 'channel' ? incident.channelId : (p.channel ?? deps.announcementChannel);
  if (!target) throw new Error('the incident channel does not exist yet');
  // A card or report already posted (the step ran, then the process died before marking it done).
  if (p.role && (await deps.records.steps.messages(deps.store, incident.id)).some((m) => m.role === p.role))
    return;
  try {
    const ref = await postOnce(deps, step, target, message);
    if (p.role) await deps.records.steps.rememberMessage(deps.store, incident.id, p.role, ref);
  } catch (error) {
    if (!p.optional || !chatErrorCode(error)) throw error;
    await warnUnposted(deps, incident, target, error);
  }
}

/** An extra channel that refuses the bot (not invited, archived) is told in the timeline, once. */
async function warnUnposted(deps: StepRunnerDeps, incident: Incident, channel: string, error: unknown) {
  const code = chatRefusal(error);
  deps.log.warn({ err: error, incident: incident.number, channel }, 'incident announcement not posted');
  await deps.records.incidents.addTimeline(deps.store, incident.id, {
    at: deps.clock.now(),
    kind: 'warning',
    text: `Could not post in ${channel}: Slack answered ${code} (invite the bot there)`,
    sourceKey: `unposted:${channel}:${code}`,
  });
}

async function messageOf(deps: StepRunnerDeps, incident: Incident, p: PostPayload): Promise<Message> {
  if (p.render === 'initial') {
    const full = deps.reports.initial(incident, await deps.records.pages.byIncident(deps.store, incident.id));
    return p.target === 'announcement' ? deps.reports.announcement(incident, 'declared', full) : full;
  }
  if (!p.message) throw new Error('a post step without a message');
  return p.message as Message;
}

/**
 * One reply per card. Each reply is remembered under the step's key, so a step re-run after a
 * crash between two channels posts only where it had not yet.
 */
async function postInThreads(
  deps: StepRunnerDeps,
  incident: Incident,
  message: Message,
  step: PendingStep,
): Promise<void> {
  const { store, announcementChannel } = deps;
  const p = step.payload as PostPayload;
  const cards = await cardsOf(deps.records.steps, store, incident.id, announcementChannel);
  // No card (it could never be posted): the update still reaches the channel, on its own.
  if (cards.length === 0) {
    await postOnce(deps, step, announcementChannel, message);
    return;
  }
  const sent = new Set((await deps.records.steps.messages(store, incident.id)).map((m) => m.role));
  for (const card of cards) {
    const role = `sent:${step.key}@${card.channel}`;
    if (sent.has(role)) continue;
    try {
      const ref = await postOnce(deps, step, card.channel, message, {
        threadTs: card.ts,
        broadcast: p.broadcast,
      });
      await deps.records.steps.rememberMessage(store, incident.id, role, ref);
    } catch (error) {
      // The main card's thread must get it; an extra channel that stopped taking posts must not hold it.
      if (card.role === MAIN_CARD_ROLE || !chatErrorCode(error)) throw error;
      await warnUnposted(deps, incident, card.channel, error);
    }
  }
}

/** Re-renders the posted reports and cards in place (acknowledged, roles, status, severity, resolved). */
export async function refresh(deps: StepRunnerDeps, incident: Incident): Promise<void> {
  const { chat, reports, store } = deps;
  const full = reports.initial(incident, await deps.records.pages.byIncident(store, incident.id));
  const what = incident.status === 'resolved' ? 'resolved' : 'declared';
  for (const m of await deps.records.steps.messages(store, incident.id)) {
    if (m.role === 'initial-channel') await chat.update(m, full);
  }
  for (const card of await cardRefs(deps.records.steps, store, incident.id)) {
    try {
      await chat.update(card, reports.announcement(incident, what, full));
    } catch (error) {
      if (card.role === MAIN_CARD_ROLE || !chatErrorCode(error)) throw error;
    }
  }
}
