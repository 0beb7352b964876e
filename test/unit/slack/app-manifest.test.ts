import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandDescriptions } from '../../../commands/index.js';
import { appManifestYaml } from '../../../src/slack/app-manifest.js';
import { ROOT } from '../../helpers/bot-process.js';

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; should_escape: boolean; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifestText = readFileSync(join(ROOT, 'manifest.yaml'), 'utf8');
const manifest = parse(manifestText) as Manifest;

/** Bot scopes each Web API method needs (https://docs.slack.dev/reference/methods). */
const SCOPES_BY_METHOD: Record<string, string[]> = {
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.create': ['channels:manage', 'groups:write'],
  'conversations.invite': ['channels:manage', 'groups:write'],
  'conversations.join': ['channels:join'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.setTopic': ['channels:manage', 'groups:write'],
  'conversations.archive': ['channels:manage', 'groups:write'],
  'bookmarks.add': ['bookmarks:write'],
  'bookmarks.edit': ['bookmarks:write'],
  'bookmarks.list': ['bookmarks:read'],
  'files.list': ['files:read'],
  'pins.add': ['pins:write'],
  'pins.list': ['pins:read'],
  'reactions.get': ['reactions:read'],
  'views.open': [],
  'views.update': [],
  'users.info': ['users:read'],
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  'usergroups.users.list': ['usergroups:read'],
  'usergroups.list': ['usergroups:read'],
  filesUploadV2: ['files:write'],
  'auth.test': [],
};

/** Every `client.<method>(` call in the bot's source: what Slack will be asked to do. */
function webApiMethodsUsed(): string[] {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, 'src', f));
  const methods = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('@slack/web-api')) continue;
    for (const match of text.matchAll(/client\.((?:[a-z]+\.)+[a-zA-Z]+|filesUploadV2)\(/g))
      methods.add(match[1]!);
  }
  return [...methods].sort();
}

describe('manifest.yaml', () => {
  it('is what `bers-bot manifest` generates from the command registry (run it to update the file)', () => {
    expect(manifestText).toBe(appManifestYaml(commandDescriptions()));
  });

  it("names every subcommand in the slash command's usage hint", () => {
    const hint = manifest.features.slash_commands[0]!.usage_hint;
    for (const command of commandDescriptions()) expect(hint).toContain(command.name);
    expect(hint).toContain('incident');
  });

  it('declares /bers on the one Slack endpoint', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/bers',
        url: 'https://YOUR-HOST/slack/events',
        should_escape: true,
      }),
    ]);
  });

  it('enables interactivity, Socket Mode, and only the events the bot handles', () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://YOUR-HOST/slack/events',
    });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.event_subscriptions.bot_events).toContain('reaction_added');
    expect(manifest.settings.event_subscriptions.bot_events.filter((e) => e.startsWith('message'))).toEqual(
      [],
    );
  });

  it('grants every scope the Web API calls in src/ need', () => {
    const used = webApiMethodsUsed();
    expect(used.length).toBeGreaterThan(0);
    const scopes = new Set(manifest.oauth_config.scopes.bot);
    for (const method of used) {
      const needed = SCOPES_BY_METHOD[method];
      expect(needed, `${method}: add its scopes to manifest.yaml and to this table`).toBeDefined();
      for (const scope of needed!) expect(scopes.has(scope), `${method} needs ${scope}`).toBe(true);
    }
  });

  it('grants what the product does beyond those calls', () => {
    for (const scope of [
      'commands',
      'reactions:read',
      'channels:join',
      'channels:history',
      'groups:history',
    ]) {
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
  });
});
