import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandDescriptions } from '../../../commands/index.js';
import { withCommandReference } from '../../../src/cli/readme-commands.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { SETTING_NAMES } from '../../../src/config/settings.js';
import { ROOT } from '../../helpers/bot-process.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCS = ['README.md', 'docs/architecture.md', 'docs/benchmarks.md'];

/** The text of the section under `heading`, up to the next heading of its level or higher (outside code). */
function section(heading: string): string {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  let fenced = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    if (lines[end]!.startsWith('```')) fenced = !fenced;
    const hashes = /^(#+) /.exec(lines[end]!)?.[1]?.length;
    if (!fenced && hashes !== undefined && hashes <= level) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  for (const [, title] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = title!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

describe('README.md', () => {
  it('has the command reference the registry generates (run `npm run docs` after changing a command)', () => {
    expect(README).toBe(withCommandReference(README, commandDescriptions()));
  });

  it('lists every environment variable the bot reads, and no other', () => {
    const table = section('## Environment');
    const listed = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('has a complete example that the real loader accepts', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section('### Complete example'))![1]!;
    const secrets = {
      DB_PASSWORD: 'x',
      PD_KEY_UPLOAD_BRIDGE: 'k',
      ALERTMANAGER_WEBHOOK_TOKEN: 'x'.repeat(32),
    };
    const config = parseConfig(yaml, 'README.md', secrets);
    // Every area is in it.
    expect(config.services.length).toBeGreaterThan(1);
    expect(config.actions.services).toHaveProperty('unjucks-api');
    expect(config.metrics.definitions.length).toBeGreaterThan(0);
    expect(config.alerts.sources.length).toBeGreaterThan(0);
    expect(config.reports.schedules.length).toBeGreaterThan(0);
    expect(Object.keys(config.pagerduty.services).length).toBeGreaterThan(0);
  });

  it('starts with what a newcomer needs before the reference', () => {
    const top = README.slice(0, README.indexOf('## Reference'));
    for (const part of [
      '## Two commands',
      'npm start',
      'npm test',
      '## What it looks like',
      'bers>',
      '## Slack setup',
    ])
      expect(top).toContain(part);
    expect(top.split('\n').length).toBeLessThan(130);
  });

  it('places every folder under src/ in the layout, and docs/architecture.md gives each a line', () => {
    const layout = section('## Development');
    const architecture = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const { name } of folders) {
      expect(layout, `README layout: src/${name}/`).toContain(`src/${name}/`);
      expect(architecture, `docs/architecture.md layout: src/${name}/`).toMatch(
        new RegExp(`^src/${name}/ +\\S`, 'm'),
      );
    }
  });
});

describe.each(DOCS)('%s', (file) => {
  const text = readFileSync(join(ROOT, file), 'utf8');

  it('links only to headings and files that exist', () => {
    const own = anchors(text);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      const [path, anchor] = target!.split('#');
      if (path) expect(existsSync(join(ROOT, file, '..', path)), `${file} → ${path}`).toBe(true);
      else expect(own, `${file} → #${anchor}`).toContain(anchor);
    }
  });

  it('names the systems by their names, not by seed numbers', () => {
    expect(text).not.toMatch(/\bseeds? \d{3}\b|\bseed \d\b/i);
  });
});
