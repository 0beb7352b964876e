import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/cli-args.js';

describe('bers-bot command line', () => {
  it('runs the bot with no arguments, as before', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run' });
  });

  it('knows help, version, check and manifest', () => {
    for (const help of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
      expect(parseCliArgs(help)).toEqual({ kind: 'help' });
    }
    for (const version of [['--version'], ['-v'], ['-V'], ['version']]) {
      expect(parseCliArgs(version)).toEqual({ kind: 'version' });
    }
    expect(parseCliArgs(['check'])).toEqual({ kind: 'check' });
    expect(parseCliArgs(['check', 'examples/unjucks.yaml'])).toEqual({
      kind: 'check',
      config: 'examples/unjucks.yaml',
    });
    expect(parseCliArgs(['manifest'])).toEqual({ kind: 'manifest' });
  });

  it('refuses what it does not know, with a suggestion where one is close', () => {
    expect(() => parseCliArgs(['--frobnicate'])).toThrow('unknown option `--frobnicate`.');
    expect(() => parseCliArgs(['--hepl'])).toThrow('unknown option `--hepl`. Did you mean `--help`?');
    expect(() => parseCliArgs(['chek'])).toThrow('unknown command `chek`. Did you mean `check`?');
    expect(() => parseCliArgs(['check', 'a.yaml', 'b.yaml'])).toThrow('`check` takes no argument `b.yaml`.');
    expect(() => parseCliArgs(['check', '--strict'])).toThrow('unknown option `--strict`.');
    expect(() => parseCliArgs(['manifest', '--json'])).toThrow('unknown option `--json`.');
  });
});
