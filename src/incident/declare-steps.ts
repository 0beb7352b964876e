import { groupMention, joinMrkdwn, md, userMention } from '../core/mrkdwn.js';
import { cardRole } from './cards.js';
import type { IncidentMessages } from './incident-messages.js';
import type { Incident } from './model.js';
import type { PagingPlan } from './severity-policies.js';
import type { StepPayload } from './step-payload.js';

/** The services' owners, as people to invite and user groups whose members to invite. */
export function respondersOf(incident: Incident, owners: Record<string, readonly string[]>) {
  const all = [...new Set(incident.services.flatMap((s) => owners[s] ?? []))];
  return { users: all.filter((o) => !o.startsWith('S')), groups: all.filter((o) => o.startsWith('S')) };
}

/**
 * What a declare does outside the store, in order. The channel first, so every page carries its
 * link; a page never waits on Slack, though: when the channel step fails the runner sends the page
 * anyway (see StepRunner.run). The owners of the named services are invited as responders. The
 * severity's extra announcement channels and the channel's topic and bookmarks come last.
 */
export function declareSteps(
  incident: Incident,
  declarer: string,
  paging: PagingPlan,
  owners: Record<string, readonly string[]>,
  render: IncidentMessages,
  extra: { channels: readonly string[]; main: string } = { channels: [], main: '' },
): { key: string; payload: StepPayload }[] {
  const n = incident.number;
  const page = paging.kind === 'now';
  const responders = respondersOf(incident, owners);
  const people = [declarer, ...(incident.commanderId ? [incident.commanderId] : []), ...responders.users];
  const owned = responders.users.length + responders.groups.length > 0;
  return [
    { key: `inc-${n}:declare:channel`, payload: { kind: 'channel' } },
    ...(page
      ? [{ key: `inc-${n}:declare:page`, payload: { kind: 'page', reason: paging.reason } as const }]
      : []),
    { key: `inc-${n}:declare:invite`, payload: { kind: 'invite', users: people, groups: responders.groups } },
    {
      key: `inc-${n}:declare:post-channel`,
      payload: { kind: 'post', target: 'channel', role: 'initial-channel', render: 'initial' },
    },
    {
      key: `inc-${n}:declare:post-announcement`,
      payload: { kind: 'post', target: 'announcement', role: 'initial-announcement', render: 'initial' },
    },
    ...(owned
      ? [
          {
            key: `inc-${n}:declare:responders`,
            payload: {
              kind: 'post',
              target: 'channel',
              message: respondersNotice(incident, responders, render),
            } as const,
          },
        ]
      : []),
    ...(page
      ? [
          {
            key: `inc-${n}:declare:page-card`,
            payload: { kind: 'page-card', reason: paging.reason } as const,
          },
        ]
      : []),
    // Last, after the page and its card: none of this may hold them up (see channel-care.ts).
    ...extraCardSteps(n, extra.channels, extra.main),
    { key: `inc-${n}:declare:channel-care`, payload: { kind: 'channel-care' } },
  ];
}

/**
 * The card of each extra announcement channel (a severity's `announceTo`). One key per incident
 * and channel, whether at the declare or at a later raise: the store takes a key once, so a second
 * raise to P0, or two replicas raising at once, never posts a second card there.
 */
export function extraCardSteps(
  n: number,
  channels: readonly string[],
  main: string,
): { key: string; payload: StepPayload }[] {
  return channels
    .filter((c) => c !== main)
    .map((channel) => ({
      key: `inc-${n}:declare:announce:${channel}`,
      payload: {
        kind: 'post',
        target: 'announcement',
        channel,
        role: cardRole(channel, main),
        render: 'initial',
        optional: true,
      },
    }));
}

function respondersNotice(
  incident: Incident,
  responders: { users: string[]; groups: string[] },
  render: IncidentMessages,
) {
  const who = joinMrkdwn(
    [...responders.users.map(userMention), ...responders.groups.map(groupMention)],
    ', ',
  );
  return render.notice(
    md`👥 ${who}: you own ${incident.services.join(', ')}, so you are invited as responders to incident #${incident.number}.`,
  );
}
