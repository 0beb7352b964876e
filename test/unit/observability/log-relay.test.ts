import { describe, expect, it } from 'vitest';
import { relayingLogger, relayLogLine } from '../../../src/observability/log-relay.js';
import { captureLogs } from '../../helpers/logs.js';

describe('log relay (worker thread → main logger)', () => {
  it('keeps level, message and fields; the main logger adds its base and redacts', () => {
    const main = captureLogs('info', ['s3cr3t-signing']);
    const worker = relayingLogger('info', (line) => relayLogLine(main.log, line));
    worker.child({ component: 'bolt' }).warn('signature mismatch for s3cr3t-signing');
    worker.error({ err: new Error('boom'), token: 'xoxb-123-abc' }, 'ingress request failed');
    worker.debug('below the level: never sent');

    const [warning, error, ...rest] = main.lines();
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ level: 40, app: 'bers-bot', component: 'bolt' });
    expect(warning!.msg).toBe('signature mismatch for [redacted]');
    expect(error).toMatchObject({ level: 50, msg: 'ingress request failed', token: '[redacted]' });
    expect((error!.err as { message: string }).message).toBe('boom');
    expect(typeof warning!.time).toBe('number');
  });

  it('a line that is not JSON is logged as such, not lost', () => {
    const main = captureLogs('info');
    relayLogLine(main.log, 'not json');
    expect(main.lines()[0]).toMatchObject({ level: 40, line: 'not json' });
  });
});
