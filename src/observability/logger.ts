import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Every key that can carry a secret, wherever it appears in a log object. Values are replaced,
 * never logged: tokens, signing secrets, routing keys, passwords and connection strings.
 */
export const REDACTED_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'routing_key',
  'routingKey',
  'password',
  'secret',
  'authorization',
  'databaseUrl',
  'DATABASE_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'PAGERDUTY_ROUTING_KEY',
  'PAGERDUTY_API_TOKEN',
  'PAGERDUTY_WEBHOOK_SECRET',
].flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers.${key}`, `req.headers.${key}`]);

/** Strings that look like credentials, masked even inside free text (error messages, URLs). */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1[redacted]@'],
  [/(rediss?:\/\/[^:/@\s]*:)[^@\s]+@/g, '$1[redacted]@'],
];

export function maskSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/** pino JSON logger with redaction; tests pass their own destination to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'bers-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: {
        log: (object) => JSON.parse(maskSecrets(JSON.stringify(object))) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a)) as Parameters<
            typeof method
          >;
          method.apply(this, masked);
        },
      },
    },
    destination ?? pino.destination(1),
  );
}
