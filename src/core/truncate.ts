/**
 * Cutting text to Slack's limits without breaking what it shows. Slack counts characters; we
 * count UTF-16 code units (never fewer), and cut only between user-perceived characters
 * (`Intl.Segmenter` graphemes: a flag, a ZWJ family, a skin-toned emoji stay whole) — and, in
 * mrkdwn, never inside an entity (`&amp;`), a `<…>` token or an `:emoji:` code.
 */
import { type Mrkdwn, renderText, type Text, trustedMrkdwn } from './mrkdwn.js';

const ELLIPSIS = '…';

/** Atoms of rendered mrkdwn that must stay whole; the text between them is cut by grapheme. */
const ATOM = /&(?:amp|lt|gt);|<[^<>]*>|:[a-z0-9_+'-]+:/g;

function graphemes(text: string): Iterable<string> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return (function* () {
    for (const { segment } of segmenter.segment(text)) yield segment;
  })();
}

function* mrkdwnUnits(source: string): Iterable<string> {
  let last = 0;
  for (const match of source.matchAll(ATOM)) {
    yield* graphemes(source.slice(last, match.index));
    yield match[0];
    last = match.index + match[0].length;
  }
  yield* graphemes(source.slice(last));
}

function take(units: Iterable<string>, budget: number): string {
  let out = '';
  for (const unit of units) {
    if (out.length + unit.length > budget) break;
    out += unit;
  }
  return out;
}

/** Plain text (plain_text fields, button labels) cut to `max`, ending in `…` when cut. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${take(graphemes(text), max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}

/** Rendered mrkdwn cut to `max`, ending in `…` when cut. */
export function truncateMrkdwn(source: string, max: number): string {
  if (source.length <= max) return source;
  return `${take(mrkdwnUnits(source), max - ELLIPSIS.length).trimEnd()}${ELLIPSIS}`;
}

/** Text of either kind cut to `max` as it will be sent (escaped), for a line inside a larger block. */
export function truncateText(text: Text, max: number): Mrkdwn {
  return trustedMrkdwn(truncateMrkdwn(renderText(text), max));
}
