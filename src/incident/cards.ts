import type { Queryable } from '../store/store.js';
import type { IncidentSteps } from './incident-records.js';

/** Where the posted messages are read from: the records' steps (a flow's) or the step store (a step's). */
type Posted = Pick<IncidentSteps, 'messages'>;

/**
 * An incident's card: its post in an announcement channel, edited in place as the incident changes,
 * with the incident's updates in its thread. The main announcement channel's card keeps the role
 * it has always had, so incidents declared before threads still find theirs.
 */
export const MAIN_CARD_ROLE = 'initial-announcement';
const EXTRA_CARD_PREFIX = 'announcement:';

export interface Card {
  role: string;
  /** The channel as configured (`#incidents` or an id): where the card and its replies are posted. */
  channel: string;
  ts: string;
}

/** The step-store role of a channel's card: the announcement channel's, or an extra one's. */
export function cardRole(channel: string, mainChannel: string): string {
  return channel === mainChannel ? MAIN_CARD_ROLE : `${EXTRA_CARD_PREFIX}${channel}`;
}

export async function cardsOf(
  posted: Posted,
  db: Queryable,
  incidentId: number,
  mainChannel: string,
): Promise<Card[]> {
  const cards: Card[] = [];
  for (const m of await posted.messages(db, incidentId)) {
    if (m.role === MAIN_CARD_ROLE) cards.push({ role: m.role, channel: mainChannel, ts: m.ts });
    else if (m.role.startsWith(EXTRA_CARD_PREFIX))
      cards.push({ role: m.role, channel: m.role.slice(EXTRA_CARD_PREFIX.length), ts: m.ts });
  }
  // The main channel first: its thread is the one people are sent to.
  return cards.sort((a, b) => Number(b.role === MAIN_CARD_ROLE) - Number(a.role === MAIN_CARD_ROLE));
}

/** A card's address for chat.update: the channel id Slack answered with when it was posted. */
export async function cardRefs(posted: Posted, db: Queryable, incidentId: number) {
  return (await posted.messages(db, incidentId)).filter(
    (m) => m.role === MAIN_CARD_ROLE || m.role.startsWith(EXTRA_CARD_PREFIX),
  );
}
