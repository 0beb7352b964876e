import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { PageRecord } from '../../../src/incident/page-model.js';
import { IncidentReports } from '../../../src/incident/reports.js';
import { SeverityPolicies } from '../../../src/incident/severity-policies.js';
import { IncidentTemplates } from '../../../src/incident/templates.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';
import { chat, incident } from '../views/view-fixtures.js';
import { fakeIncidentMessages } from './fake-incident-messages.js';

/** The reports flow (templates → rendering port) against a fake port: no Block Kit in sight. */
describe('incident reports through the rendering port', () => {
  let templates: IncidentTemplates;
  const policies = new SeverityPolicies(configFrom(MINIMAL_CONFIG).incidents);
  const clock = new ManualClock(new Date('2026-01-05T09:30:00Z'));
  beforeAll(async () => {
    templates = await IncidentTemplates.load();
  });
  const build = () => {
    const render = fakeIncidentMessages();
    return { render, reports: new IncidentReports(templates, policies, chat, render, 24, clock) };
  };
  const open = {
    ...incident,
    status: 'investigating' as const,
    resolvedAt: undefined,
    resolvedBy: undefined,
  };

  it('hands the rendered initial report to the port, with the page in words', () => {
    const { render, reports } = build();
    const page = {
      state: 'triggered',
      vendor: { number: 812, url: 'https://acme.pagerduty.com/incidents/Q1' },
      assignees: ['Grace Hopper'],
    } as PageRecord;
    const message = reports.initial(open, page);
    expect(render.calls.map((c) => c.kind)).toEqual(['report']);
    expect(message.text).toBe(`report: ${render.calls[0]!.text}`);
    const text = render.calls[0]!.text;
    expect(text).toContain('🚨 *INCIDENT: P1 - Checkout is failing*');
    expect(text).toContain('*Incident Commander:* <@U0ADA>');
    expect(text).toContain('*Acknowledged:* bob at 2026-01-05 09:00 UTC');
    expect(text).toContain(
      '*Paging:* 🔴 triggered in <https://acme.pagerduty.com/incidents/Q1|PagerDuty #812>, assigned to *Grace Hopper*',
    );
    expect(text).toContain('*Channel:* <https://team.slack.com/archives/C0INC|#inc-12-checkout>');
  });

  it('gives a private incident’s announcement to the port, and a public one as it was', () => {
    const { render, reports } = build();
    const full = { text: 'the full report' };
    expect(reports.announcement(open, 'declared', full)).toBe(full);
    expect(render.calls).toEqual([]);
    const hidden = reports.announcement({ ...open, isPrivate: true }, 'updated', full);
    expect(render.calls).toEqual([{ kind: 'privateAnnouncement', incident: 12, text: 'updated' }]);
    expect(hidden.text).toBe('privateAnnouncement: updated');
  });

  it('renders a status update as a template, the author’s text escaped', () => {
    const { render, reports } = build();
    reports.update(open, 'identified', 'rolled back <!channel> & watching', 'U0BOB', clock.now());
    expect(render.calls.map((c) => c.kind)).toEqual(['template']);
    expect(render.calls[0]!.text).toContain('rolled back &lt;!channel&gt; &amp; watching');
    expect(render.calls[0]!.text).toContain('<@U0BOB>');
  });
});
