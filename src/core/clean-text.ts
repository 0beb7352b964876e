/**
 * Text PostgreSQL can store, and Slack can show. A `text` column cannot hold NUL, and a lone UTF-16
 * surrogate (what a JSON `\ud800` escape or mangled UTF-8 leaves in a JS string) is not a character
 * at all: drivers would turn it into U+FFFD anyway, but `jsonb` refuses it outright.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** Strips NUL and replaces each lone surrogate with U+FFFD; returns `text` itself when clean. */
export function cleanText(text: string): string {
  const withoutNul = text.includes('\0') ? text.replaceAll('\0', '') : text;
  return HAS_LONE_SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATE, '\uFFFD') : withoutNul;
}

/** `cleanText` on every string (keys included) of a parsed JSON-like value; other values as they are. */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)]));
  }
  return value;
}
