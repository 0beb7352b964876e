/**
 * Slack mrkdwn that we wrote ourselves. Every other string is plain text: the block builders and
 * the Slack edge escape it (`&`, `<`, `>`), so nothing from outside — a title, an alert label, a
 * service's error message — can become `<!channel>`, `<!subteam^…>` or `<url|label>`. Markup is
 * made only by `md` (whose literal parts are ours and whose values are escaped unless they are
 * `Mrkdwn` themselves), by the token builders below, or, spelled out, by `trustedMrkdwn`.
 *
 * A `Mrkdwn` exists only while a message is built: messages hold the rendered strings, because
 * they are stored (incident steps) and cross threads as JSON.
 */
export class Mrkdwn {
  /** Only this module holds `MINT`: markup is made through the functions below, never `new`. */
  constructor(
    mint: typeof MINT,
    readonly source: string,
  ) {
    if (mint !== MINT) throw new TypeError('Mrkdwn is made with md`…`, not new');
  }

  /** Plain text, as a person reads it: a `Mrkdwn` put into a plain string never acts as markup. */
  toString(): string {
    return mrkdwnToPlain(this.source);
  }
}

const MINT = Symbol('mrkdwn');
const of = (source: string) => new Mrkdwn(MINT, source);

/** What text parameters accept: plain text (escaped when rendered) or our own markup. */
export type Text = string | Mrkdwn;

export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** One pass, so `&amp;lt;` becomes `&lt;` (what was typed), never `<`. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** The mrkdwn string Slack gets for a text. */
export function renderText(text: Text): string {
  return text instanceof Mrkdwn ? text.source : escapeMrkdwn(text);
}

/**
 * Text that is already mrkdwn by construction (a rendered template, whose values were escaped).
 * Never for text that came from outside: that is what this module exists to prevent.
 */
export function trustedMrkdwn(source: string): Mrkdwn {
  return of(source);
}

/** `md\`*${title}* by ${userMention(id)}\``: the literal parts are ours, the values are escaped. */
export function md(literals: TemplateStringsArray, ...values: (Text | number)[]): Mrkdwn {
  // Only a tag: `md([userText])` would make outside text markup. Template literals are frozen.
  if (!Object.isFrozen(literals) || !Array.isArray(literals.raw)) throw new TypeError('md is a template tag');
  let source = literals[0] ?? '';
  values.forEach((value, i) => {
    source += (typeof value === 'number' ? String(value) : renderText(value)) + (literals[i + 1] ?? '');
  });
  return of(source);
}

export function joinMrkdwn(parts: readonly Text[], separator: Text = ''): Mrkdwn {
  return of(parts.map(renderText).join(renderText(separator)));
}

const USER_ID = /^[UW][A-Z0-9]+$/;
const OTHER_ID = /^[A-Z0-9]+$/;

/** A Slack user id (`U…`, `W…` on Enterprise Grid), as opposed to a name (the console's `console`). */
export function isUserId(id: string): boolean {
  return USER_ID.test(id);
}

/** `<@U123>`; something that is not a user id stays text. */
export function userMention(userId: string): Mrkdwn {
  return isUserId(userId) ? of(`<@${userId}>`) : md`@${userId}`;
}

export function groupMention(groupId: string): Mrkdwn {
  return OTHER_ID.test(groupId) ? of(`<!subteam^${groupId}>`) : md`@${groupId}`;
}

export function channelMention(channelId: string): Mrkdwn {
  return OTHER_ID.test(channelId) ? of(`<#${channelId}>`) : md`#${channelId.replace(/^#/, '')}`;
}

/**
 * `<url|label>` with the label escaped. The URL is ours (a configured base, Slack's permalink) but
 * is made safe anyway: `|` and `>` would end it, so they are percent-encoded.
 */
export function link(url: string, label?: string): Mrkdwn {
  const safe = escapeMrkdwn(url.replace(/[|>\s]/g, (c) => encodeURIComponent(c)));
  if (!/^(https?|mailto):/i.test(url)) return md`${label ?? url}`;
  return of(label === undefined ? `<${safe}>` : `<${safe}|${escapeMrkdwn(label)}>`);
}

const STORED_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g;

/**
 * Stored plain text in which `<@U…>` stands for a person (timeline lines, alert notes): everything
 * is escaped but those user mentions. A user mention pings one person, as typing @name would;
 * broadcasts and links never survive.
 */
export function textWithMentions(text: string): Mrkdwn {
  let source = '';
  let last = 0;
  for (const match of text.matchAll(STORED_MENTION)) {
    source += `${escapeMrkdwn(text.slice(last, match.index))}<@${match[1]}>`;
    last = match.index + match[0].length;
  }
  return of(source + escapeMrkdwn(text.slice(last)));
}

/** The way back: our markup as the stored form `textWithMentions` reads (user mentions kept). */
export function plainWithMentions(text: Mrkdwn): string {
  let plain = '';
  let last = 0;
  for (const match of text.source.matchAll(STORED_MENTION)) {
    plain += `${mrkdwnToPlain(text.source.slice(last, match.index))}<@${match[1]}>`;
    last = match.index + match[0].length;
  }
  return plain + mrkdwnToPlain(text.source.slice(last));
}

/**
 * Mrkdwn → plain text as Slack shows it: links as `label (url)`, mentions as `@…` / `#…`, entities
 * decoded. Emphasis and emoji codes stay (the console renders those).
 */
export function mrkdwnToPlain(source: string): string {
  return unescapeMrkdwn(
    source.replace(/<([^<>]*)>/g, (_, token: string) => {
      const [target = '', label] = token.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!subteam^')) return label ?? `@${target.slice('!subteam^'.length)}`;
      if (target.startsWith('!date^')) return label ?? '';
      if (target.startsWith('!')) return `@${target.slice(1)}`;
      return label && label !== target ? `${label} (${target})` : target;
    }),
  );
}
