/**
 * Text that must never act as markup when it comes from outside: broadcasts, a group mention,
 * links with and without a label, entities, and the Unicode that breaks naive cutting (RTL
 * override, zero-width joiner sequences, flags, a lone combining mark, zero-width space).
 */
export const HOSTILE = [
  '<!channel> wake up',
  '<!here|here> and <!everyone>',
  '<!subteam^S0SRE|@sre> page them',
  '<https://evil.example|click me>',
  '<https://evil.example>',
  '<mailto:x@evil.example|mail>',
  '<@U0EVIL> <#C0EVIL|general>',
  'a &amp; b &lt;!channel&gt; c',
  '\u202Eolleh \u200Bzero\u200Dwidth',
  '👩‍👩‍👧‍👦 🇩🇪 👍🏽 e\u0301',
] as const;

/** All of them in one string, the way a title or a note could carry them. */
export const HOSTILE_TEXT = HOSTILE.join(' · ');

/**
 * A copy of `value` with every string replaced by `text`, except under the keys in `keep`
 * (enums the code branches on: status, severity, kind). Dates and numbers stay as they are.
 */
export function poison<T>(value: T, text: string, keep: readonly string[] = []): T {
  const walk = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string') return key !== undefined && keep.includes(key) ? node : text;
    if (Array.isArray(node)) return node.map((child) => walk(child, key));
    if (node instanceof Date || node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
  };
  return walk(value) as T;
}
