import { unescapeMrkdwn } from './mrkdwn.js';

/**
 * Text from Slack as our plain text. With `should_escape: true` Slack sends a slash command's text
 * (and every message's) as mrkdwn: `&`, `<`, `>` escaped, people as `<@U123|ada>`, groups as
 * `<!subteam^S123|@sre>`, `@channel` as `<!channel>`, channels as `<#C123|ops>`, links as
 * `<https://…>`. Mentions of people and groups stay as tokens (commands parse them into ids, and
 * free text reads them back as `@ada`); everything else becomes what the person typed, so it is
 * stored as typed and escaped once, on output. A token the user typed literally (`&lt;!channel&gt;`)
 * decodes to the same text as the real one: both are plain text from here on.
 */
export function fromSlackText(text: string): string {
  const decoded = text.replace(/<([^<>]*)>/g, (token, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (/^@[UW][A-Z0-9]+$/.test(target) || /^!subteam\^[A-Z0-9]+$/.test(target)) return token;
    if (/^#[A-Z0-9]+$/.test(target)) return `#${label ?? target.slice(1)}`;
    if (/^!(channel|here|everyone)$/.test(target)) return `@${target.slice(1)}`;
    if (target.startsWith('!date^')) return label ?? '';
    if (target.startsWith('!')) return label ?? target.slice(1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return linkText(target, label);
    // Not a Slack token: text typed with should_escape off, kept as it was.
    return token;
  });
  return unescapeMrkdwn(decoded);
}

/** A link as text: what was typed (`example.com`), or a label with its URL, never a hidden URL. */
function linkText(url: string, label: string | undefined): string {
  const bare = url.replace(/^(mailto:|[a-z][a-z0-9+.-]*:\/\/)/i, '');
  return label === undefined || label === url || label === bare ? (label ?? url) : `${label} (${url})`;
}

export type Mention = { kind: 'user' | 'group'; id: string; name?: string };

const USER = /<@([UW][A-Z0-9]+)(?:\|([^<>]*))?>/g;
const GROUP = /<!subteam\^([A-Z0-9]+)(?:\|@?([^<>]*))?>/g;

/** A token that is exactly one mention (`<@U123|ada>`, `<@U123>`, `<!subteam^S1|@sre>`). */
export function parseMention(token: string): Mention | undefined {
  const user = new RegExp(`^${USER.source}$`).exec(token);
  if (user) return { kind: 'user', id: user[1]!, ...(user[2] ? { name: user[2] } : {}) };
  const group = new RegExp(`^${GROUP.source}$`).exec(token);
  if (group) return { kind: 'group', id: group[1]!, ...(group[2] ? { name: group[2] } : {}) };
  return undefined;
}

/**
 * Argument words joined into free text (a title, a note, a reason), mentions read as the person
 * typed them: `<@U123|ada>` → `@ada`, `<!subteam^S1|@sre>` → `@sre`.
 */
export function freeText(tokens: readonly string[]): string {
  return tokens
    .join(' ')
    .replace(USER, (_, id: string, name?: string) => `@${name || id}`)
    .replace(GROUP, (_, id: string, name?: string) => `@${name || id}`);
}

/** `@ada` typed where Slack did not make it a mention (an unknown name, or the console). */
export function plainAtName(token: string): string | undefined {
  return /^@[\p{L}\p{N}._-]+$/u.test(token) ? token.slice(1) : undefined;
}
