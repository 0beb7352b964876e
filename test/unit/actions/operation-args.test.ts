import { describe, expect, it } from 'vitest';
import type { OperationArg } from '../../../src/actions/operation.js';
import { argValue, checkArgs, parseArgs } from '../../../src/actions/operation-args.js';
import { UsageError } from '../../../src/core/errors.js';
import { cacheArg, ttlArg } from '../../helpers/operation-args.js';

const cache = cacheArg(['environment-detection', 'configuration']);
const ttl = ttlArg;
const instances: OperationArg = { type: 'int', name: 'instances', optional: false, min: 1, max: 10 };
const tenant: OperationArg = {
  type: 'string',
  name: 'tenant',
  optional: true,
  pattern: '[a-f0-9]{8,16}',
  maxLength: 16,
};
/** The loosest a config may be: any text at all. The hard rules still hold. */
const anything: OperationArg = {
  type: 'string',
  name: 'note',
  optional: false,
  pattern: '.*',
  maxLength: 256,
};

/** What people (or attackers) type into a Slack box, aimed at a shell, a program's options or a parser. */
const CORPUS = [
  '; rm -rf /',
  '$(id)',
  '`id`',
  '| cat /etc/passwd',
  '&& reboot',
  'a\nrm -rf /',
  'a\r\nb',
  '--flag',
  '-rf',
  '--config=/etc/shadow',
  'a\u0000b',
  '\u0000',
  '${IFS}id',
  '../../etc/passwd',
  'x'.repeat(10_000),
  '1; DROP TABLE users',
  "' OR 1=1 --",
  '%0a',
  '1e3',
  '0x10',
  ' 5',
  '5 ',
  '',
];

describe('typed operation arguments', () => {
  it('parses positional values by type, giving durations in the executor unit', () => {
    const values = parseArgs('cache-ttl', [cache, ttl], ['configuration', '10m']);
    expect(values).toEqual({ cache: 'configuration', ttl: '600000' });
    expect(parseArgs('scale', [instances], ['03'])).toEqual({ instances: '3' });
    expect(parseArgs('lookup', [tenant], [])).toEqual({});
    expect(parseArgs('lookup', [tenant], ['deadbeef'])).toEqual({ tenant: 'deadbeef' });
  });

  it('explains a wrong count and a wrong value with what was expected', () => {
    expect(() => parseArgs('cache-ttl', [cache, ttl], ['configuration'])).toThrow(
      'cache-ttl takes `cache-ttl <cache> <ttl>`; got 1 argument(s).',
    );
    expect(() => parseArgs('cache-clear', [], ['now'])).toThrow('cache-clear takes no arguments; got 1');
    expect(() => parseArgs('cache-ttl', [cache, ttl], ['configuration', '2h'])).toThrow(
      '`2h` is not a valid ttl: expected a duration from 1m to 1h',
    );
    expect(() => parseArgs('scale', [instances], ['11'])).toThrow('expected a whole number from 1 to 10');
    expect(() => parseArgs('x', [cache], ['`id`'])).toThrow("`'id'` is not a valid cache");
  });

  it.each([cache, ttl, instances, tenant])('refuses the whole injection corpus for %o', (arg) => {
    for (const value of CORPUS) {
      expect(argValue(arg, value), JSON.stringify(value)).toBeUndefined();
      expect(() => parseArgs('op', [{ ...arg, optional: false }], [value])).toThrow(UsageError);
    }
  });

  it('keeps the hard rules even when the configured pattern allows anything', () => {
    const refused = CORPUS.filter((v) => argValue(anything, v) === undefined);
    // Control characters, a leading dash (an option) and overlong or empty values never pass.
    expect(refused).toEqual([
      'a\nrm -rf /',
      'a\r\nb',
      '--flag',
      '-rf',
      '--config=/etc/shadow',
      'a\u0000b',
      '\u0000',
      'x'.repeat(10_000),
      '',
    ]);
    // What passes is one literal value: the executors never give it to a shell (see the run tests).
    expect(argValue(anything, '; rm -rf /')).toBe('; rm -rf /');
  });

  it('anchors the configured pattern, so a match inside the value is not enough', () => {
    expect(argValue(tenant, 'deadbeef; rm -rf /')).toBeUndefined();
    expect(argValue(tenant, 'xdeadbeef')).toBeUndefined();
  });

  it('re-checks stored or clicked values, refusing unknown names and missing required ones', () => {
    expect(checkArgs('cache-ttl', [cache, ttl], { cache: 'configuration', ttl: '600000' })).toBeTruthy();
    expect(() => checkArgs('cache-ttl', [cache, ttl], { cache: 'configuration', ttl: '7200000' })).toThrow(
      'is not a valid ttl',
    );
    expect(() => checkArgs('cache-ttl', [cache, ttl], { cache: 'configuration' })).toThrow('needs its ttl');
    expect(() => checkArgs('cache-clear', [], { extra: 'x' })).toThrow('has no argument extra');
    expect(() => checkArgs('x', [cache], { cache: '$(id)' })).toThrow('is not a valid cache');
  });
});
