import type { Message } from '../core/message.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is walked generically here.
type AnyBlock = Record<string, any>;

/** Slack mrkdwn → plain terminal text: links, mentions, emphasis and the emoji we use. */
export function mrkdwnToText(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9a-z_.-]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)\|([^>]+)>/g, '#$2')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/:([a-z0-9_+-]+):/g, (match, name: string) => EMOJI[name] ?? match);
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
  return mrkdwnToText(String(element.text ?? ''));
}

export interface RenderedButton {
  label: string;
  actionId: string;
  value: string;
}

/** Renders Block Kit as terminal text; buttons are listed so the console can offer them. */
export function renderMessage(message: Message, numberButton: (b: RenderedButton) => number): string {
  if (!message.blocks || message.blocks.length === 0) return mrkdwnToText(message.text);
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
