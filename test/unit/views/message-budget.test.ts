import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../src/cli/check/block-kit-limits.js';
import type { Reply } from '../../../src/core/message.js';
import { alertListReply } from '../../../src/views/alerts-list-view.js';
import { auditReply } from '../../../src/views/audit-view.js';
import { listReply } from '../../../src/views/incident-replies.js';
import { BLOCKS_TEXT_LIMIT, blocksTextLength } from '../../helpers/slack-limits.js';
import * as f from './view-fixtures.js';

/** A reply Slack accepts: no broken limit, and within the text it takes across all blocks. */
function expectFits(reply: Reply): string {
  expect(blockKitProblems(reply)).toEqual([]);
  expect(blocksTextLength(reply.blocks ?? [])).toBeLessThanOrEqual(BLOCKS_TEXT_LIMIT);
  return JSON.stringify(reply.blocks);
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const incidents = (n: number) =>
  times(n, (i) => ({ ...f.incident, number: i + 1, title: `checkout fails for region ${i} `.repeat(3) }));

describe('long lists, a page at a time within what Slack accepts', () => {
  it.each([1, 200, 1000])('incident list with %i open incidents', (count) => {
    const first = expectFits(listReply(incidents(count), f.chat));
    expect(first).toContain('*#1* ');
    if (count === 1) return expect(first).not.toContain('page 1 of');
    expect(first).toMatch(/page 1 of (\d+) \(1–\d+ of \d+\) · `\/bers incident list page 2` for the next/);
    const pages = Number(/page 1 of (\d+)/.exec(first)![1]);
    // Every incident is on exactly one page, in order.
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = expectFits(listReply(incidents(count), f.chat, page));
      for (const m of text.matchAll(/\*#(\d+)\* /g)) seen.push(Number(m[1]));
    }
    expect(seen).toEqual(times(count, (i) => i + 1));
    // A page past the end shows the last one rather than nothing.
    expect(expectFits(listReply(incidents(count), f.chat, pages + 5))).toContain(`*#${count}* `);
  });

  it.each([1, 100])('audit with %i records (its largest answer)', (count) => {
    const records = times(count, (i) => ({
      ...f.audit[0]!,
      text: `restart api-${i} ${'x'.repeat(190)}`,
      details: { outputTail: 'y'.repeat(200) },
    }));
    const text = expectFits(auditReply(records, undefined, 1, 'audit 100'));
    if (count > 1) expect(text).toContain('`/bers audit 100 page 2` for the next');
  });

  it.each([1, 200, 5000])('alerts with %i firing', (count) => {
    const alerts = times(count, (i) => ({
      ...f.alerts.alerts[0]!,
      id: `a${i}`,
      summary: 'disk full '.repeat(8),
    }));
    const text = expectFits(
      alertListReply({ ...f.alerts, alerts }, f.alerts.alerts[0]!.startsAt, { critical: 5, warning: 30 }),
    );
    expect(text).toContain('`a0`');
    if (count > 1) expect(text).toContain('`/bers alerts page 2` for the next');
  });
});
