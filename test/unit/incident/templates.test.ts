import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { md, userMention } from '../../../src/core/mrkdwn.js';
import { IncidentTemplates, TemplateError } from '../../../src/incident/templates.js';

describe('incident templates', () => {
  const dirs: string[] = [];
  const overrides = async (files: Record<string, string>) => {
    const dir = await mkdtemp(join(tmpdir(), 'bers-templates-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('renders the shipped templates with the seed 003 wording', async () => {
    const templates = await IncidentTemplates.load();
    const text = templates.render('resolution-report', {
      number: 3,
      severity: 'P1',
      title: 'Checkout is failing',
      resolution: 'Rolled back',
      rootCause: '',
      duration: '1h 5m',
      resolvedBy: userMention('U1'),
      resolvedAt: '2026-01-05 09:05 UTC',
      channel: md`#inc-3`,
      postMortemDueHours: 24,
      postMortemDue: '24 hours',
    });
    expect(text.source).toBe(
      '✅ *RESOLVED: P1 - Checkout is failing*\n\n*Resolution:* Rolled back\n*Duration:* 1h 5m\n\nPost-mortem: Will be posted within 24 hours',
    );
  });

  it('uses an override by file name', async () => {
    const dir = await overrides({ 'status-update.hbs': 'UPDATE #{{number}}: {{text}}' });
    const templates = await IncidentTemplates.load(dir);
    const text = templates.render('status-update', {
      number: 4,
      severity: 'P2',
      title: 't',
      status: 'MONITORING',
      text: 'all green',
      author: userMention('U1'),
      postedAt: 'now',
      nextUpdate: 'later',
      channel: md`#c`,
    });
    expect(text.source).toBe('UPDATE #4: all green');
  });

  it('refuses to start with a template that uses an unknown field, naming the file', async () => {
    const dir = await overrides({ 'initial-report.hbs': '🚨 {{severity}} {{titel}}' });
    const failure = IncidentTemplates.load(dir);
    await expect(failure).rejects.toBeInstanceOf(TemplateError);
    await expect(failure).rejects.toThrow(`template ${join(dir, 'initial-report.hbs')}: unknown field titel`);
  });

  it('also catches unknown fields in helper arguments and inside #each', async () => {
    const dir = await overrides({
      'resolution-report.hbs': '{{#if rootcause}}{{rootCause}}{{/if}}',
      'post-mortem.hbs': '{{#each timeline}}{{at}} {{who}}{{/each}}',
    });
    await expect(IncidentTemplates.load(dir)).rejects.toThrow(
      /resolution-report\.hbs: unknown field rootcause/,
    );
    await rm(join(dir, 'resolution-report.hbs'));
    await expect(IncidentTemplates.load(dir)).rejects.toThrow(/post-mortem\.hbs: unknown field who/);
  });
});
