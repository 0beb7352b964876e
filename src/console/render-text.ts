import type { Message } from '../core/message.js';
import { escapeMrkdwn, mrkdwnToPlain } from '../core/mrkdwn.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is walked generically here.
type AnyBlock = Record<string, any>;

/**
 * Slack mrkdwn → terminal text, as a person reads it in Slack: links, mentions, emphasis, the
 * emoji we use, and entities decoded (escaped `&lt;!channel&gt;` reads `<!channel>`, as in Slack).
 */
export function mrkdwnToText(text: string): string {
  const plain = text.replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2').replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2');
  return withEmoji(mrkdwnToPlain(plain));
}

function withEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (match, name: string) => EMOJI[name] ?? match);
}

const EMOJI: Record<string, string> = {
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  red_circle: '🔴',
  white_circle: '⚪',
  warning: '⚠️',
  no_entry: '⛔',
  boom: '💥',
  rotating_light: '🚨',
  white_check_mark: '✅',
  x: '❌',
  pushpin: '📌',
  bell: '🔔',
  hourglass_flowing_sand: '⏳',
  arrows_counterclockwise: '🔄',
  information_source: 'ℹ️',
  large_blue_circle: '🔵',
  pager: '📟',
  memo: '📝',
  lock: '🔒',
  chart_with_upwards_trend: '📈',
};

function textOf(element: AnyBlock | undefined): string {
  if (!element) return '';
  const text = String(element.text ?? '');
  // Slack does not parse plain_text (headers, buttons): it shows it as it is.
  return element.type === 'plain_text' ? withEmoji(text) : mrkdwnToText(text);
}

export interface RenderedButton {
  label: string;
  actionId: string;
  value: string;
}

/** Renders Block Kit as terminal text; buttons are listed so the console can offer them. */
export function renderMessage(message: Message, numberButton: (b: RenderedButton) => number): string {
  // The top-level text is plain; Slack gets it escaped, so render it that way too.
  if (!message.blocks || message.blocks.length === 0) return mrkdwnToText(escapeMrkdwn(message.text));
  const lines: string[] = [];
  for (const block of message.blocks as AnyBlock[]) {
    switch (block.type) {
      case 'header':
        lines.push(`━━ ${textOf(block.text)} ━━`);
        break;
      case 'section':
        if (block.text) lines.push(textOf(block.text));
        if (block.fields) lines.push((block.fields as AnyBlock[]).map(textOf).join('   '));
        break;
      case 'context':
        lines.push(`  ${(block.elements as AnyBlock[]).map(textOf).join(' · ')}`);
        break;
      case 'divider':
        lines.push('────────────────────────────────');
        break;
      case 'actions': {
        const buttons = (block.elements as AnyBlock[])
          .filter((e) => e.type === 'button')
          .map((e) => {
            const n = numberButton({ label: textOf(e.text), actionId: e.action_id, value: e.value ?? '' });
            return `[${n}] ${textOf(e.text)}`;
          });
        const yesNo = buttons.some((b) => /\] Confirm$/.test(b)) && buttons.some((b) => /\] Cancel$/.test(b));
        lines.push(`${buttons.join('   ')}   (type ${yesNo ? '`yes` or `no`' : '`click <n>`'})`);
        break;
      }
      case 'image':
        lines.push(`[image: ${block.alt_text ?? ''}]`);
        break;
      default:
        if (block.text) lines.push(textOf(block.text));
    }
  }
  return lines.join('\n');
}
