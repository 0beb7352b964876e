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

/**
 * Strings that look like credentials, masked even inside free text (error messages, URLs, Bolt's
 * lines). They run over serialized JSON, so none of them may cross a `"`.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/xox[abposre]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  // userinfo passwords in any URL: postgres://u:pw@, redis://:pw@, https://u:pw@
  [/([a-z][a-z0-9+.-]*:\/\/[^:/@\s"]*:)[^@\s"/]+@/gi, '$1[redacted]@'],
  // PagerDuty REST (`Token token=…`) and bearer credentials in headers or messages
  [/(token=)[^\s"&,]+/gi, '$1[redacted]'],
  [/(Bearer\s+)[^\s"]+/g, '$1[redacted]'],
  // routing keys and secrets inside embedded JSON or form text (`\"routing_key\":\"…\"`, `secret=…`)
  [
    /((?:routing_key|routingKey|signing_secret|client_secret|password)\\?"?\s*[:=]\s*\\?"?)[^\s"\\&,}]+/gi,
    '$1[redacted]',
  ],
];

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Masks credential-looking strings, and each known secret value, in a log line or any text. */
export function secretMasker(secrets: readonly string[] = []): (text: string) => string {
  // Known values are searched as they appear inside a JSON string.
  const known = secrets
    .filter((s) => s.length >= 6)
    .map((s) => new RegExp(escapeRegExp(JSON.stringify(s).slice(1, -1)), 'g'));
  return (text) => {
    let masked = text;
    for (const pattern of known) masked = masked.replace(pattern, '[redacted]');
    for (const [pattern, replacement] of SECRET_PATTERNS) masked = masked.replace(pattern, replacement);
    return masked;
  };
}

/**
 * The secret values in an environment: Slack and PagerDuty credentials, and anything named like a
 * token, secret, key or password (config `${VAR}`s such as a routing key or a DB password).
 */
export function secretsIn(env: Readonly<Record<string, string | undefined>>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value || !/TOKEN|SECRET|KEY|PASSWORD|PASSWD|_DSN|DATABASE_URL|_AUTH/i.test(name)) continue;
    // A connection string's host and database help debugging; only its password is secret.
    const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@/]+)@/i.exec(value)?.[1];
    if (password) values.push(safeDecode(password), password);
    else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) values.push(value);
  }
  return values;
}

/**
 * pino JSON logger with redaction. Masking runs over each finished JSON line, so it covers the
 * message, serialized errors (stack included), child bindings and Bolt's lines alike.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  secrets: readonly string[] = [],
): Logger {
  const out = destination ?? pino.destination(1);
  const mask = secretMasker(secrets);
  const masked: DestinationStream = { write: (line: string) => out.write(mask(line)) };
  return pino(
    { level, base: { app: 'bers-bot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    masked,
  );
}
