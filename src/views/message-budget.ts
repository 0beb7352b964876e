import type { KnownBlock } from '../core/message.js';
import { renderText, type Text, trustedMrkdwn } from '../core/mrkdwn.js';
import { truncateMrkdwn } from '../core/truncate.js';
import { SLACK_LIMITS, section } from './blocks.js';

/**
 * Slack refuses a message whose blocks carry more than about 12,000 characters of text in all
 * (`msg_blocks_too_long`, undocumented; Slack staff put it at "12,000 text characters with a
 * buffer for block containers", slackapi/bolt-js#2509), long before 50 sections of 3,000. Our
 * long answers keep their lists within this budget and page or attach the rest.
 */
export const BLOCK_TEXT_BUDGET = 10_000;

/** The text characters of a message's blocks, counted as Slack counts them for that limit. */
export function blocksTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'text' && typeof v === 'string') total += v.length;
        else walk(v);
      }
    }
  };
  walk(blocks);
  return total;
}

export interface Page {
  /** The page's lines packed into sections. */
  sections: KnownBlock[];
  /** 1-based; clamped to the pages there are. */
  page: number;
  pages: number;
  /** 0-based index of the first line shown and one past the last. */
  from: number;
  to: number;
}

/**
 * Lines split into pages of at most `budget` rendered characters (a line longer than a section is
 * cut), and page `page` of them packed into sections. Linear in the number of lines.
 */
export function pageOfLines(lines: readonly Text[], page: number, budget: number = BLOCK_TEXT_BUDGET): Page {
  const starts: number[] = [0];
  const rendered: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = truncateMrkdwn(renderText(lines[i]!), SLACK_LIMITS.sectionText);
    rendered.push(line);
    if (used > 0 && used + line.length + 1 > budget) {
      starts.push(i);
      used = 0;
    }
    used += line.length + 1;
  }
  const pages = starts.length;
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const from = starts[current - 1]!;
  const to = current < pages ? starts[current]! : lines.length;
  return { sections: packRendered(rendered.slice(from, to)), page: current, pages, from, to };
}

/** Already-rendered lines packed into as few sections as Slack's section limit allows. */
function packRendered(lines: readonly string[]): KnownBlock[] {
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.length - 1;
    if (last >= 0 && chunks[last]!.length + 1 + line.length <= SLACK_LIMITS.sectionText)
      chunks[last] += `\n${line}`;
    else chunks.push(line);
  }
  return chunks.map((chunk) => section(trustedMrkdwn(chunk)));
}

/** "page 2 of 5 · `/bers audit page 3` for the next": what a paged answer ends with. */
export function pageFooter(p: Page, nextCommand: (page: number) => string, total: number): string {
  const shown = `${p.from + 1}–${p.to} of ${total}`;
  if (p.pages <= 1) return shown;
  const next = p.page < p.pages ? ` · \`/bers ${nextCommand(p.page + 1)}\` for the next` : '';
  return `page ${p.page} of ${p.pages} (${shown})${next}`;
}
