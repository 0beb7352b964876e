import { cleanStrings, cleanText } from '../core/clean-text.js';

/**
 * A JSON escape PostgreSQL's `jsonb` refuses: `\u0000`, or a surrogate half (a valid pair is
 * re-encoded harmlessly). Only a real escape counts, not an escaped backslash before `u`.
 */
const UNSTORABLE_JSON_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

/**
 * JSON text (what `JSON.stringify` made for a `jsonb` column) without escapes `jsonb` refuses.
 * Text that merely looks like such JSON but does not parse is left as it is: a `text` column
 * takes it.
 */
function storableJson(text: string): string {
  try {
    return JSON.stringify(cleanStrings(JSON.parse(text)));
  } catch {
    return text;
  }
}

function storable(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = cleanText(value);
    return UNSTORABLE_JSON_ESCAPE.test(text) ? storableJson(text) : text;
  }
  return Array.isArray(value) ? value.map(storable) : value;
}

/**
 * Query parameters every backend can store: strings lose NUL and lone surrogates, in plain text
 * and as JSON escapes. Applied on every query, so an insert of outside text (a command with a NUL,
 * an alert label with `\u0000`) is stored rather than failing with `invalid byte sequence`.
 */
export function storableParams(params: readonly unknown[] | undefined): unknown[] | undefined {
  return params?.map(storable);
}
