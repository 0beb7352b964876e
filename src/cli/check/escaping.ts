import type { Message } from '../../core/message.js';

/**
 * Text from outside (a reason a target gave, a title someone typed) that pings the whole channel
 * and forms a link when it reaches Slack unescaped. The samples put it wherever outside text goes;
 * the labels make it unmistakable, so a team's own template may still say `<!here>` on purpose.
 */
export const HOSTILE = '<!channel|bers-check> & <https://evil.example|bers-check>';

const UNESCAPED = ['<!channel|bers-check>', '<https://evil.example|bers-check>'];

/** Each text of `message` where the hostile sample arrived unescaped, as `path: problem`. */
export function escapingProblems(message: Message): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const found = UNESCAPED.find((marker) => value.includes(marker));
      if (found) problems.push(`${path}: outside text reaches Slack unescaped (${found} would ping or link)`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, `${path}[${i}]`);
      });
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        // Only what Slack renders: a button's value or an action id is never shown as mrkdwn.
        if (key === 'text' || typeof child === 'object') visit(child, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(message, '');
  return problems;
}
