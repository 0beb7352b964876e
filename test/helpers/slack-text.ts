/**
 * What real Slack does to text, on the way in and on the way out, for the fakes and assertions.
 *
 * In: a slash command with `should_escape: true` arrives with `&`, `<`, `>` escaped and with
 * what Slack recognised turned into tokens: `@ada` → `<@U123|ada>`, `@sre` → `<!subteam^S1|@sre>`,
 * `@channel` → `<!channel>`, `#ops` → `<#C1|ops>`, a URL → `<https://…>`. Names Slack does not
 * know stay plain text.
 *
 * Out: in a posted message, Slack acts on `<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`
 * (they notify people) and renders `<url|label>` as a link — in mrkdwn and in the top-level
 * `text`, never in plain_text.
 */
export interface SlackDirectory {
  user(name: string): string | undefined;
  group(handle: string): string | undefined;
  channel(name: string): string | undefined;
}

const escapeAsSlack = (text: string) =>
  text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** `typed` as Slack sends it in a slash command's `text` with should_escape on. */
export function slackEscapedText(typed: string, directory: SlackDirectory): string {
  return escapeAsSlack(typed)
    .replace(/(^|\s)@([\p{L}\p{N}._-]+)/gu, (whole, before: string, name: string) => {
      if (['channel', 'here', 'everyone'].includes(name)) return `${before}<!${name}>`;
      const user = directory.user(name);
      if (user) return `${before}<@${user}|${name}>`;
      const group = directory.group(name);
      return group ? `${before}<!subteam^${group}|@${name}>` : whole;
    })
    .replace(/(^|\s)#([a-z0-9_-]+)/g, (whole, before: string, name: string) => {
      const channel = directory.channel(name);
      return channel ? `${before}<#${channel}|${name}>` : whole;
    })
    .replace(/(^|\s)(https?:\/\/[^\s]+)/g, '$1<$2>');
}

export interface LiveMarkup {
  /** Where in the posted value: a JSON path such as `blocks.2.text.text`. */
  path: string;
  token: string;
}

const BROADCAST = /<!(?:channel|here|everyone)(?:\|[^<>]*)?>|<!subteam\^[^<>]*>/g;
const LINK = /<([a-z][a-z0-9+.-]*:[^|<>]*)(?:\|[^<>]*)?>/gi;

/**
 * Every token in a posted value (a chat.postMessage body, a response_url reply) that Slack would
 * act on and that we did not mean: broadcasts, and links whose URL `ours` does not accept.
 */
export function liveMarkupIn(
  value: unknown,
  ours: (url: string) => boolean = (url) => url.startsWith('https://fake-team.slack.com/archives/'),
): LiveMarkup[] {
  const found: LiveMarkup[] = [];
  const scan = (text: string, path: string) => {
    for (const m of text.matchAll(BROADCAST)) found.push({ path, token: m[0] });
    for (const m of text.matchAll(LINK)) if (!ours(m[1]!)) found.push({ path, token: m[0] });
  };
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) for (const [i, child] of node.entries()) walk(child, `${path}${i}.`);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const object = node as Record<string, unknown>;
    // Slack does not parse plain_text: `<!channel>` in a header is shown, not sent.
    if (object.type === 'plain_text') return;
    for (const [key, child] of Object.entries(object)) {
      if (typeof child === 'string' && (key === 'text' || key === 'initial_comment')) scan(child, path + key);
      else walk(child, `${path}${key}.`);
    }
  };
  walk(value, '');
  return found;
}

/** The people and groups a fake workspace knows by name; channels come from the fake itself. */
export class FakeDirectory implements SlackDirectory {
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, string>();

  constructor(private readonly channelByName: (name: string) => string | undefined) {}

  addUser(id: string, name: string): this {
    this.users.set(name, id);
    return this;
  }

  addGroup(id: string, handle: string): this {
    this.groups.set(handle, id);
    return this;
  }

  user(name: string): string | undefined {
    return this.users.get(name);
  }

  group(handle: string): string | undefined {
    return this.groups.get(handle);
  }

  /** The name a user id was added with (what users.info answers). */
  nameOf(id: string): string | undefined {
    return [...this.users].find(([, userId]) => userId === id)?.[0];
  }

  channel(name: string): string | undefined {
    return this.channelByName(name);
  }
}
