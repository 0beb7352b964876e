import { describe, expect, it } from 'vitest';
import { ConflictError, UsageError } from '../../../src/core/errors.js';
import type { Message } from '../../../src/core/message.js';
import { md, userMention } from '../../../src/core/mrkdwn.js';
import * as actionsView from '../../../src/views/actions-view.js';
import { alertListReply } from '../../../src/views/alerts-list-view.js';
import { alertGroupMessage } from '../../../src/views/alerts-notification-view.js';
import { auditReply } from '../../../src/views/audit-view.js';
import { notificationText } from '../../../src/views/blocks.js';
import { knownErrorReply } from '../../../src/views/error-reply.js';
import { healthDetailReply, healthSummaryReply } from '../../../src/views/health-view.js';
import { overviewReply } from '../../../src/views/help-view.js';
import { declaredReply, doneReply, listReply, statusReply } from '../../../src/views/incident-replies.js';
import { noticeMessage } from '../../../src/views/incident-report-view.js';
import { kpiTableReply, metricDetailReply } from '../../../src/views/metrics-view.js';
import { onCallReply } from '../../../src/views/oncall-view.js';
import { reportMessage } from '../../../src/views/report-view.js';
import { HOSTILE, HOSTILE_TEXT, poison } from '../../helpers/hostile-text.js';
import { liveMarkupIn } from '../../helpers/slack-text.js';
import { report } from './report-fixture.js';
import * as f from './view-fixtures.js';

/** Keys the views branch on (enums); every other string in an input is outside text. */
const ENUMS = ['status', 'overall', 'severity', 'state', 'kind', 'comparison', 'verdict', 'action', 'type'];
const at = new Date('2026-01-05T09:00:00Z');

/** Every view builder, fed inputs whose every free-text field carries `text`. */
const BUILDERS: Record<string, (text: string) => Message> = {
  healthSummary: (t) => healthSummaryReply(poison(f.health, t, ENUMS)),
  healthDetail: (t) => healthDetailReply(poison(f.health, t, ENUMS)),
  alertList: (t) => alertListReply(poison(f.alerts, t, [...ENUMS, 'id']), at, { critical: 5, warning: 30 }),
  alertGroup: (t) => alertGroupMessage(poison(f.notification, t, ENUMS)),
  audit: (t) => auditReply(poison(f.audit, t, ENUMS), t),
  confirmation: (t) => actionsView.confirmationMessage(poison(f.action, t, ENUMS)),
  decided: (t) => actionsView.decidedMessage(poison(f.action, t, ENUMS), t),
  interrupted: (t) => actionsView.interruptedMessage(poison(f.action, t, ENUMS)),
  execution: (t) =>
    actionsView.executionMessage(poison(f.action, t, ENUMS), { ok: false, summary: t, outputTail: t }, 3),
  verification: (t) =>
    actionsView.verificationMessage(
      poison(f.action, t, ENUMS),
      { healthy: false, seconds: 3, status: 'unhealthy', reason: t, attempts: 1 },
      true,
    ),
  history: (t) =>
    actionsView.historyReply(
      t,
      t,
      [{ revision: t, current: true, createdAt: at, detail: t }],
      [poison(f.action, t, ENUMS)],
    ),
  kpiTable: (t) => kpiTableReply([poison(f.kpi, t, ENUMS)]),
  metricDetail: (t) => metricDetailReply(poison(f.metric, t, ENUMS), t),
  oncall: (t) => onCallReply(poison(f.oncall, t, [...ENUMS, 'slackUserId'])),
  report: (t) => reportMessage(poison(report, t, [...ENUMS, 'timezone'])),
  incidentList: (t) => listReply([poison(f.incident, t, ENUMS)], f.chat),
  incidentStatus: (t) =>
    statusReply(poison(f.incident, t, ENUMS), poison(f.timeline, t, ENUMS), f.chat, true),
  declared: (t) => declaredReply(poison(f.incident, t, ENUMS), true, f.chat),
  done: (t) => doneReply(t),
  notice: (t) => noticeMessage(md`⬆️ ${t} by ${userMention('U0ADA')}`),
  knownError: (t) => knownErrorReply(new ConflictError(t)),
  usage: (t) => overviewReply([], new UsageError(`\`${t}\` is not a bers command.`).text),
};

/** What Slack receives: the top-level text escaped at the edge, the blocks as built. */
const wire = (m: Message) => ({ text: notificationText(m.text), blocks: m.blocks });

/** Every mrkdwn string and top-level text in a wire message. */
function mrkdwnStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnStrings);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (o.type === 'plain_text') return [];
  return Object.entries(o).flatMap(([k, v]) =>
    k === 'text' && typeof v === 'string' ? [v] : mrkdwnStrings(v),
  );
}

describe('the live-markup check (test/helpers/slack-text.ts)', () => {
  it('sees what Slack would act on in mrkdwn and top-level text, and not in plain_text', () => {
    const posted = {
      text: 'hi <!here>',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '<!channel>' } },
        { type: 'section', text: { type: 'mrkdwn', text: '<!subteam^S1|@sre> <https://evil|x> <@U1>' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '<!everyone> &lt;!channel&gt;' }] },
        { type: 'section', text: { type: 'mrkdwn', text: '<https://fake-team.slack.com/archives/C1|#inc>' } },
      ],
    };
    expect(liveMarkupIn(posted).map((m) => m.token)).toEqual([
      '<!here>',
      '<!subteam^S1|@sre>',
      '<https://evil|x>',
      '<!everyone>',
    ]);
  });
});

describe('every view escapes what came from outside', () => {
  for (const [name, build] of Object.entries(BUILDERS)) {
    it(`${name}: no broadcast, group mention or foreign link survives, and the text is still shown`, () => {
      for (const text of [...HOSTILE, HOSTILE_TEXT]) {
        const message = wire(build(text));
        expect(liveMarkupIn(message, f.ourLink), `${name} ← ${text}`).toEqual([]);
        for (const s of mrkdwnStrings(message)) expect(s, name).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }
      const shown = JSON.stringify(wire(build('<!channel> wake up')));
      expect(shown, name).toContain('&lt;!channel&gt; wake up');
    });
  }

  it('keeps our own markup working: mentions and channel links we built', () => {
    const list = JSON.stringify(listReply([f.incident], f.chat).blocks);
    expect(list).toContain('<https://team.slack.com/archives/C0INC|#inc-12-checkout>');
    expect(list).toContain('IC <@U0ADA>');
    const status = JSON.stringify(statusReply(f.incident, f.timeline, f.chat, true).blocks);
    expect(status).toContain('Incident Commander: <@U0ADA> (assigned by bob)');
    const oncall = JSON.stringify(onCallReply(f.oncall).blocks);
    expect(oncall).toContain('Level 1: <@U0ADA> (Ada Lovelace)');
    const note = JSON.stringify(alertGroupMessage(f.notification).blocks);
    expect(note).toContain('Acknowledged by <@U0ADA>');
  });

  it('does not double-escape: text escaped once reads back as it was typed', () => {
    const blocks = JSON.stringify(doneReply('a &amp; b < c').blocks);
    expect(blocks).toContain('a &amp;amp; b &lt; c');
  });
});
