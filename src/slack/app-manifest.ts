import { Document, isScalar, isSeq, type YAMLSeq } from 'yaml';
import type { AnyCommand } from '../core/command.js';
import { eventTypes } from './events.js';

/** The one Slack endpoint (HTTP mode); Socket Mode needs no URL, so it stays a placeholder. */
const URL = 'https://YOUR-HOST/slack/events';

/** Bot scopes, each with why the bot needs it (the manifest shows the reason beside the scope). */
const SCOPES: [scope: string, why: string][] = [
  ['commands', '/bers'],
  ['chat:write', 'replies, incident channel messages, updates'],
  ['chat:write.public', 'post to public channels the bot has not joined (announcements)'],
  ['channels:manage', 'create public incident channels, invite responders, set their topic, archive them'],
  ['groups:write', 'the same for private incident channels'],
  ['bookmarks:read', "find an incident channel's bookmarks again (no duplicates after a crash)"],
  ['bookmarks:write', 'bookmark the PagerDuty incident, runbook, bridge and status page'],
  ['channels:read', 'channel names and membership'],
  ['groups:read', ''],
  ['channels:join', 'join a public channel before posting a timeline there'],
  ['channels:history', 'read messages for the timeline; find a card posted just before a crash'],
  ['groups:history', ''],
  ['users:read', 'names of responders'],
  ['users:read.email', 'map PagerDuty on-call emails to Slack users'],
  ['usergroups:read', 'page a Slack user group (@sre) by its members'],
  ['files:write', 'post reports, charts and the post-mortem draft'],
  ['files:read', 'find the post-mortem draft again after a crash (never attached twice)'],
  ['reactions:read', 'reaction_added: a reaction pins a message to the timeline'],
];

const HEADER = [
  ' Slack app manifest for bers-bot, generated from the command registry by `bers-bot manifest`',
  ' (a test keeps this file equal to it). Create the app from it at https://api.slack.com/apps',
  ' ("Create New App" → "From a manifest"), then see README "Slack setup".',
  ' Socket Mode (no public URL): keep socket_mode_enabled: true; the URLs below are then unused.',
  " HTTP mode: set socket_mode_enabled: false and replace YOUR-HOST with the bot's public host",
  ' (every Slack request goes to the one endpoint, POST /slack/events).',
].join('\n');

/** `health | incident | …`: every subcommand, so none is hidden from the autocomplete hint. */
export function usageHint(commands: readonly AnyCommand[]): string {
  return `${commands.map((c) => c.name).join(' | ')} …`;
}

/** The Slack app manifest as an object (tests and `bers-bot manifest` share it). */
export function appManifest(commands: readonly AnyCommand[]) {
  return {
    display_information: {
      name: 'bers-bot',
      description: 'Service health and incident management for BERS, Upload Bridge, Unjucks and AI Chat',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'bers', always_online: true },
      slash_commands: [
        {
          command: '/bers',
          url: URL,
          description: 'Service health and incidents — try /bers help',
          usage_hint: usageHint(commands),
          // Slack then sends @mentions as <@U…|name> and escapes & < > in the text (the edge decodes it).
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: SCOPES.map(([scope]) => scope) } },
    settings: {
      event_subscriptions: { request_url: URL, bot_events: eventTypes() },
      interactivity: { is_enabled: true, request_url: URL },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
}

/** manifest.yaml's text: the manifest with its header and a reason beside each scope. */
export function appManifestYaml(commands: readonly AnyCommand[]): string {
  const doc = new Document(appManifest(commands));
  doc.commentBefore = HEADER;
  const scopes = doc.getIn(['oauth_config', 'scopes', 'bot'], true) as YAMLSeq;
  if (!isSeq(scopes)) throw new Error('manifest scopes must be a list');
  scopes.items.forEach((item, i) => {
    const why = SCOPES[i]![1];
    if (isScalar(item) && why) item.comment = ` ${why}`;
  });
  return doc.toString({ lineWidth: 0 });
}
