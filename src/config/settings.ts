import { z } from 'zod';
import { BersError, ErrorCode } from '../core/errors.js';
import { describeZodIssues } from '../core/zod-issues.js';
import { secretMasker, secretsIn } from '../observability/logger.js';

/** An environment variable holding a whole number in [min, max]; any problem gets `message`. */
function wholeNumber(min: number, max: number, message: string) {
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** The product's environment interface (README "Environment"); read once, in src/main.ts. */
const settingsSchema = z.object({
  BERS_CONFIG: z.string().default('./bers.config.yaml'),
  PORT: wholeNumber(0, 65535, 'must be a port number (0-65535)').default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  BERS_DATA_DIR: z.string().default('./data'),
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-…)').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-…)').optional(),
  PAGERDUTY_ROUTING_KEY: z.string().optional(),
  PAGERDUTY_API_TOKEN: z.string().optional(),
  PAGERDUTY_EVENTS_URL: z.url().default('https://events.pagerduty.com'),
  PAGERDUTY_API_URL: z.url().default('https://api.pagerduty.com'),
  PAGERDUTY_WEBHOOK_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BERS_WORK_NICE: wholeNumber(0, 19, 'must be a whole number from 0 to 19').default(10),
});

/** Half a Slack setup would silently fall back to console mode; say what is missing instead. */
const slackComplete = settingsSchema.superRefine((s, ctx) => {
  const transport = s.SLACK_APP_TOKEN ?? s.SLACK_SIGNING_SECRET;
  if (s.SLACK_BOT_TOKEN && !transport) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_BOT_TOKEN'],
      message:
        'is set, but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is; set one, or unset it for console mode',
    });
  }
  if (transport && !s.SLACK_BOT_TOKEN) {
    ctx.addIssue({
      code: 'custom',
      path: [s.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'],
      message: 'is set, but SLACK_BOT_TOKEN (xoxb-…) is missing',
    });
  }
});

/** The environment cannot be used; the message has one line per variable that is wrong. */
export class SettingsError extends BersError {
  constructor(problems: string) {
    super(ErrorCode.Config, problems);
  }
}

export type Settings = z.infer<typeof settingsSchema>;

export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'console' };

export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  // Empty strings mean "unset" (a blank line in an .env file must not switch modes).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = slackComplete.safeParse(present);
  // Masked like a log line: the message goes to stderr, and a secret may be in the wrong variable.
  if (!parsed.success)
    throw new SettingsError(secretMasker(secretsIn(env))(describeZodIssues(parsed.error.issues)));
  return parsed.data;
}

/** DESIGN.md "Modes": Socket Mode wins when both transports are configured. */
export function slackModeOf(settings: Settings): SlackMode {
  const {
    SLACK_BOT_TOKEN: botToken,
    SLACK_APP_TOKEN: appToken,
    SLACK_SIGNING_SECRET: signingSecret,
  } = settings;
  if (botToken && appToken) return { kind: 'socket', botToken, appToken };
  if (botToken && signingSecret) return { kind: 'http', botToken, signingSecret };
  return { kind: 'console' };
}

/** Every environment variable the bot reads (README "Environment"; the deployment files use them). */
export const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof Settings)[];
