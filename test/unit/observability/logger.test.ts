import { describe, expect, it } from 'vitest';
import { secretsIn } from '../../../src/observability/logger.js';
import { boltLogger } from '../../../src/slack/bolt-logger.js';
import { captureLogs } from '../../helpers/logs.js';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  SLACK_APP_TOKEN: 'xapp-1-A0BERS-1234567890-abcdef0123456789',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  PAGERDUTY_ROUTING_KEY: 'R0123456789ABCDEF0123456789ABCDE',
  PAGERDUTY_API_TOKEN: 'y_NbAkKc66ryYTWUXYEu',
  DATABASE_URL: 'postgres://bers:s3cr%40tpw@db.internal:5432/bers',
  UPLOAD_BRIDGE_DB_PASSWORD: 'correct-horse-battery',
  LOG_LEVEL: 'debug',
};
const raw = [
  env.SLACK_BOT_TOKEN,
  env.SLACK_APP_TOKEN,
  env.SLACK_SIGNING_SECRET,
  env.PAGERDUTY_ROUTING_KEY,
  env.PAGERDUTY_API_TOKEN,
  's3cr%40tpw',
  's3cr@tpw',
  env.UPLOAD_BRIDGE_DB_PASSWORD,
];

function expectClean(text: string): void {
  for (const secret of raw) expect(text).not.toContain(secret);
}

describe('log redaction', () => {
  it('lines are JSON with level, time and message', () => {
    const logs = captureLogs('info', secretsIn(env));
    logs.log.info({ mode: 'http' }, 'started');
    expect(logs.lines()[0]).toMatchObject({ level: 30, app: 'bers-bot', mode: 'http', msg: 'started' });
  });

  it('masks secrets as keys, in messages, in errors, in child bindings and in URLs', () => {
    const logs = captureLogs('debug', secretsIn(env));
    logs.log.info({ settings: env }, 'settings');
    logs.log.info({ token: env.SLACK_BOT_TOKEN, nested: { routing_key: env.PAGERDUTY_ROUTING_KEY } });
    logs.log.warn(`posting with ${env.SLACK_BOT_TOKEN} to ${env.DATABASE_URL}`);
    logs.log.error({
      err: new Error(`auth failed for ${env.PAGERDUTY_API_TOKEN} (${env.SLACK_SIGNING_SECRET})`),
    });
    logs.log.child({ db: env.DATABASE_URL }).info('child');
    logs.log.info({ body: JSON.stringify({ routing_key: 'abc0123456789', event_action: 'trigger' }) });
    logs.log.info({ headers: { authorization: `Token token=${env.PAGERDUTY_API_TOKEN}` } });
    logs.log.info(`connecting to redis://:${env.UPLOAD_BRIDGE_DB_PASSWORD}@cache:6379/0`);
    logs.log.info('a token nobody told us about: xoxb-999-888-unknownvalue, xoxp-1-2-3, xapp-9-9');
    logs.log.info('PagerDuty REST call with Authorization: Token token=someunknowntoken1');
    logs.log.info('mysql://root:rootpw@db/app and https://user:webpw@host/path');
    const text = logs.text();
    expectClean(text);
    for (const leak of ['abc0123456789', 'unknownvalue', 'someunknowntoken1', 'rootpw', 'webpw']) {
      expect(text).not.toContain(leak);
    }
    const error = logs.lines()[3]!.err as { message: string; stack: string; type: string };
    expect(error.type).toBe('Error');
    expect(error.message).toContain('auth failed for [redacted]');
    expect(error.stack).toContain('logger.test.ts');
    expect(logs.lines()[4]!.db).toBe('postgres://bers:[redacted]@db.internal:5432/bers');
  });

  it("masks Bolt's own lines, strings and objects alike", () => {
    const logs = captureLogs('debug', secretsIn(env));
    const bolt = boltLogger(logs.log);
    bolt.debug(`Sending a WebSocket message: {"token":"${env.SLACK_APP_TOKEN}"}`);
    bolt.warn('Failed to verify', { signingSecret: env.SLACK_SIGNING_SECRET });
    bolt.error(new Error(`apps.connections.open failed with ${env.SLACK_APP_TOKEN}`));
    expectClean(logs.text());
    const lines = logs.lines();
    expect(lines.every((l) => l.component === 'bolt')).toBe(true);
    expect(String(lines[2]!.msg)).toMatch(
      /^Error: apps\.connections\.open failed with (xapp-)?\[redacted\]\n\s+at /,
    );
  });
});
