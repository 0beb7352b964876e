import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../../src/cli/check/run-check.js';
import { ROOT } from '../../../helpers/bot-process.js';

async function check(file: string, env: Record<string, string> = {}) {
  let out = '';
  const sink = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  const code = await runCheck(file, env, sink);
  return { code, lines: out.trimEnd().split('\n') };
}

const shipped = [
  'bers.config.yaml',
  ...readdirSync(join(ROOT, 'examples'))
    // The example configs; examples/runbooks/ holds their runbooks, checked as part of each.
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
];

describe('bers-bot check', () => {
  it.each(shipped)('%s: every reply and template fits Slack’s limits', async (file) => {
    const { lines } = await check(join(ROOT, file));
    expect(lines[0]).toMatch(/\d+ services?, 4 templates, \d+ replies rendered with sample data/);
    // Escaping is reported too (see escaping.ts); the limits themselves must hold for what ships.
    const limitProblems = lines.slice(1).filter((l) => !l.includes('reaches Slack unescaped'));
    expect(limitProblems).toEqual([]);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}(replies|templates)\.[^:]+: \S/);
  });

  it('renders the replies of every configured service, metric and action environment', async () => {
    const { lines } = await check(join(ROOT, 'examples/unjucks.yaml'));
    expect(lines[0]).toContain('4 services');
    expect(Number(/(\d+) replies/.exec(lines[0]!)![1])).toBeGreaterThan(40);
  });

  it('names the template file a team broke', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bers-check-'));
    writeFileSync(join(dir, 'status-update.hbs'), '*{{titel}}* is {{status}}\n');
    const config = join(dir, 'bers.config.yaml');
    writeFileSync(
      config,
      `services: [{ name: web, checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }] }]\nincidents: { templatesDir: ${dir} }\n`,
    );
    const { code, lines } = await check(config);
    expect(code).toBe(1);
    expect(lines[1]).toBe(`  templates: template ${join(dir, 'status-update.hbs')}: unknown field titel`);
  });

  it('substitutes the environment as the bot does; an unset variable is a problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bers-check-'));
    const config = join(dir, 'bers.config.yaml');
    writeFileSync(config, 'services: [{ name: web, checks: [{ kind: http, url: "${WEB_URL}" }] }]\n');
    const unset = await check(config);
    expect(unset.code).toBe(1);
    expect(unset.lines.join('\n')).toContain('WEB_URL');
    const set = await check(config, { WEB_URL: 'https://web.example/health' });
    expect(set.lines[0]).toContain('1 service,');
  });
});
