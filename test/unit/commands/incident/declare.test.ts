import { describe, expect, it } from 'vitest';
import { createDeclareCommand } from '../../../../commands/incident/declare.js';
import { parseDeclareWords } from '../../../../commands/incident/declare-flags.js';
import type { IncidentCommandDeps } from '../../../../commands/incident/incident-command-deps.js';
import { UsageError } from '../../../../src/core/errors.js';
import type { DeclareInput } from '../../../../src/incident/declare-flow.js';
import type { Incident } from '../../../../src/incident/model.js';
import { ADA, commandContext, runWith } from '../context.js';

const incident = {
  number: 12,
  severity: 'P1',
  title: 'checkout is failing',
  channelId: 'C0INC12',
  channelName: 'inc-12-checkout',
} as Incident;

/** An in-memory incident service that records what it was asked to declare. */
function ports(created = true) {
  const declared: [DeclareInput, unknown][] = [];
  const deps = {
    incidents: {
      declare: async (input: DeclareInput, actor: unknown) => {
        declared.push([input, actor]);
        return { incident, created };
      },
    },
    chat: { channelLink: (id: string) => `https://acme.slack.com/archives/${id}` },
  } as unknown as IncidentCommandDeps;
  return { deps, declared };
}

describe('incident declare: the words', () => {
  it('severity first, then the title; flags anywhere after it', () => {
    expect(
      parseDeclareWords(['P1', 'checkout', '--service', 'unjucks-api,web', 'failing', '--impact', 'EU 500s']),
    ).toEqual({
      severity: 'P1',
      title: ['checkout', 'failing'],
      services: ['unjucks-api', 'web'],
      impact: 'EU 500s',
      isPrivate: false,
    });
  });

  it('--service repeats, --service=a,b works, --ic is --commander, --private stands alone', () => {
    expect(
      parseDeclareWords([
        'P0',
        '--private',
        'leak',
        '--service=a,b',
        '--services',
        'c',
        '--ic',
        '<@U0GRACE>',
      ]),
    ).toEqual({
      severity: 'P0',
      title: ['leak'],
      services: ['a', 'b', 'c'],
      commander: '<@U0GRACE>',
      isPrivate: true,
    });
  });

  it('refuses an unknown flag rather than putting it in the title', () => {
    expect(parseDeclareWords(['P1', 'x', '--servce', 'a'])).toBe(
      '`--servce` is not a declare option; use --service, --impact, --commander or --private (quote a title that starts with --).',
    );
  });

  it('a flag with no value (or another flag as its value) says what it needs', () => {
    expect(parseDeclareWords(['P1', 'x', '--impact'])).toBe(
      '`--impact` needs a value, e.g. `--impact "EU checkout 500s"`.',
    );
    expect(parseDeclareWords(['P1', 'x', '--service', '--private'])).toBe(
      '`--service` needs a value, e.g. `--service unjucks-api`.',
    );
  });
});

describe('/bers incident declare (against an in-memory incident service)', () => {
  it('declares with the parsed words, services lower-cased, keyed by the trigger id', async () => {
    const { deps, declared } = ports();
    const ctx = commandContext({ triggerId: 'T-1' });
    const reply = await runWith(
      createDeclareCommand(deps),
      ['P1', 'checkout', 'is', 'failing', '--service', 'Unjucks-API', '--commander', 'none'],
      ctx,
    );
    expect(declared).toEqual([
      [
        {
          severity: 'P1',
          title: 'checkout is failing',
          services: ['unjucks-api'],
          impact: undefined,
          commanderId: null,
          isPrivate: false,
          requestKey: 'trigger:T-1',
        },
        ADA,
      ],
    ]);
    expect(String(reply.text)).toContain('Declared incident #12 (P1)');
  });

  it('a mentioned commander leads; with no trigger id there is no request key', async () => {
    const { deps, declared } = ports();
    await runWith(createDeclareCommand(deps), ['P2', 'slow', '--commander', '<@U0GRACE|grace>']);
    expect(declared[0]![0]).toMatchObject({ commanderId: 'U0GRACE', requestKey: undefined });
  });

  it('a repeated request says it was already declared', async () => {
    const { deps } = ports(false);
    const reply = await runWith(createDeclareCommand(deps), ['P1', 'again']);
    expect(String(reply.text)).toContain('Incident #12 was already declared by this request');
  });

  it('refuses no severity, or a commander that is not a person, before declaring', async () => {
    const { deps, declared } = ports();
    const declare = createDeclareCommand(deps);
    await expect(runWith(declare, [])).rejects.toBeInstanceOf(UsageError);
    await expect(runWith(declare, ['P1', 'x', '--commander', 'bob'])).rejects.toThrow(
      '`--commander` takes a person, mentioned with @ (or `none`), not `bob`.',
    );
    await expect(runWith(declare, ['P1', 'x', '--commander', '@here'])).rejects.toThrow(
      'is everyone in the channel',
    );
    expect(declared).toEqual([]);
  });

  it('an unknown flag is a usage message from the argument schema', () => {
    const parsed = createDeclareCommand(ports().deps).args.safeParse(['P1', 'x', '--nope']);
    expect(parsed.success).toBe(false);
  });
});
