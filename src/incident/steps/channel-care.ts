import type { ChannelCareSettings } from '../../config/incident-schema.js';
import type { Bookmark } from '../../core/chat.js';
import { chatRefusal } from '../../core/chat.js';
import { isUserId } from '../../core/mrkdwn.js';
import type { Queryable } from '../../store/store.js';
import type { Incident } from '../model.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';
import { bookmarkClaims } from './bookmark-claims.js';

/** Slack cuts a topic at 250 characters; ours is cut first, so it is stored as Slack shows it. */
export const TOPIC_LIMIT = 250;

const STATUS_WORDS: Record<Incident['status'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/**
 * `🔴 P0 · Investigating · IC: @grace · PagerDuty: https://…`, read at a glance in the header.
 * Slack shows a `<@U…>` in a topic as the person, so a renamed commander stays right.
 */
function commanderOf(id: string | undefined): string {
  if (!id) return 'nobody yet';
  // A Slack user id shows as the person; anything else (the console's user) as its name, never markup.
  return isUserId(id) ? `<@${id}>` : `@${id.replace(/[<>|&\s]/g, '')}`;
}

export function topicOf(incident: Incident, pageUrl: string | undefined) {
  const mark = incident.status === 'resolved' ? '✅' : incident.severity === 'P0' ? '🔴' : '🟠';
  const parts = [
    `${mark} ${incident.severity}`,
    STATUS_WORDS[incident.status],
    `IC: ${commanderOf(incident.commanderId)}`,
    // A link as PagerDuty gave it, without anything that would make it markup.
    ...(pageUrl ? [`PagerDuty: ${pageUrl.replace(/[<>|\s]/g, '')}`] : []),
  ];
  const topic = parts.join(' · ');
  return [...topic].slice(0, TOPIC_LIMIT).join('');
}

/** The bookmarks an incident channel carries, by kind; a kind without a link is not bookmarked. */
export function wantedBookmarks(care: ChannelCareSettings, pageUrl: string | undefined) {
  const all = [
    { kind: 'pagerduty', title: 'PagerDuty incident', link: pageUrl },
    { kind: 'runbook', title: 'Runbook', link: care.runbookUrl },
    { kind: 'bridge', title: 'Bridge', link: care.bridgeUrl },
    { kind: 'status', title: 'Status page', link: care.statusPageUrl },
  ];
  return all.filter((b): b is { kind: string; title: string; link: string } => Boolean(b.link));
}

/**
 * Keeps the incident channel's topic and bookmarks current. It runs after the posts and pages
 * (never before them), and what Slack refuses (`not_in_channel`, a missing scope) is a warning
 * in the timeline, once per cause: the incident carries on without its chrome.
 */
export async function careForChannel(deps: StepRunnerDeps, incident: Incident): Promise<void> {
  if (!incident.channelId || incident.archivedAt) return;
  const pageUrl = (await deps.records.pages.byIncident(deps.store, incident.id))?.vendor.url;
  for (const [what, task] of [
    ['topic', () => syncTopic(deps, incident, pageUrl)],
    ['bookmarks', () => syncBookmarks(deps, incident, pageUrl)],
  ] as const) {
    try {
      await task();
    } catch (error) {
      const code = chatRefusal(error);
      if (!code) throw error; // Slack unreachable: the step is retried later.
      deps.log.warn({ err: error, incident: incident.number }, `incident channel ${what} not set`);
      await deps.records.incidents.addTimeline(deps.store, incident.id, {
        at: deps.clock.now(),
        kind: 'warning',
        text: `Could not set the channel ${what}: Slack answered ${code}`,
        sourceKey: `channel-care:${what}:${code}`,
      });
    }
  }
}

async function syncTopic(deps: StepRunnerDeps, incident: Incident, pageUrl: string | undefined) {
  const topic = topicOf(incident, pageUrl);
  if (topic === incident.channelTopic) return;
  await deps.chat.setTopic(incident.channelId!, topic);
  await deps.records.incidents.setChannelTopic(deps.store, incident.id, topic);
}

/**
 * Each bookmark is added once and edited when its link changes. It is claimed in the store first,
 * so of two replicas caring for the channel at once only one adds it; its id is stored right after
 * it is added, and a run that crashed before that finds it by its title in the channel and adopts
 * it once the claim has expired.
 */
async function syncBookmarks(deps: StepRunnerDeps, incident: Incident, pageUrl: string | undefined) {
  const channel = incident.channelId!;
  const stored = await storedBookmarks(deps.store, incident.id);
  let inChannel: Bookmark[] | undefined;
  for (const want of wantedBookmarks(deps.channelCare, pageUrl)) {
    const known = stored.get(want.kind);
    if (known) {
      if (known.link === want.link && known.title === want.title) continue;
      await deps.chat.editBookmark(channel, { id: known.id, title: want.title, link: want.link });
      await remember(deps.store, incident.id, want.kind, { ...want, id: known.id });
      continue;
    }
    // Another replica is adding this one right now, and records it when it is done.
    if (!(await bookmarkClaims.claim(deps.store, incident.id, want, deps.clock.now()))) continue;
    try {
      inChannel ??= await deps.chat.bookmarks(channel);
      const lost = inChannel.find((b) => b.title === want.title);
      if (lost && lost.link !== want.link) await deps.chat.editBookmark(channel, { ...want, id: lost.id });
      const id = lost?.id ?? (await deps.chat.addBookmark(channel, want));
      await remember(deps.store, incident.id, want.kind, { ...want, id });
    } catch (error) {
      // Not added: the next run (the step's retry) may try at once, not after the claim expires.
      await bookmarkClaims.release(deps.store, incident.id, want.kind);
      throw error;
    }
  }
}

/** Bookmarks with their id: a row without one is a claim of a replica adding it. */
async function storedBookmarks(db: Queryable, incidentId: number): Promise<Map<string, Bookmark>> {
  const rows = await db.query<{ kind: string; bookmark_id: string; title: string; link: string }>(
    'SELECT kind, bookmark_id, title, link FROM incident_bookmarks WHERE incident_id = $1 AND bookmark_id IS NOT NULL',
    [incidentId],
  );
  return new Map(rows.map((r) => [r.kind, { id: r.bookmark_id, title: r.title, link: r.link }]));
}

async function remember(db: Queryable, incidentId: number, kind: string, b: Bookmark) {
  await db.query(
    `INSERT INTO incident_bookmarks (incident_id, kind, bookmark_id, title, link) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (incident_id, kind) DO UPDATE SET bookmark_id = EXCLUDED.bookmark_id,
       title = EXCLUDED.title, link = EXCLUDED.link, claimed_until = NULL`,
    [incidentId, kind, b.id, b.title, b.link],
  );
}
