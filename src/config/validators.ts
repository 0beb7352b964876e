import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { assertSupported } from '../core/cron-slots.js';
import { bodyPattern, labelPattern } from '../core/written-regex.js';

/**
 * Config strings that are compiled when the bot runs (regexes, cron expressions, time zones) are
 * compiled here first, so a bad one fails validation with its path instead of failing every
 * webhook or schedule later.
 */
function compiling(compile: (text: string) => unknown) {
  return z.string().superRefine((text, ctx) => {
    try {
      compile(text);
    } catch (error) {
      // "Invalid regular expression: /…/: Unterminated group": the last part says what is wrong.
      const reason = (error as Error).message.split(': ').at(-1);
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${reason})` });
    }
  });
}

/** A label value in `alerts.routes[].match`: literal text, or `/regex/` for the whole value. */
export const labelMatchValue = compiling(labelPattern);

/** An HTTP check's `bodyMatch`: literal text, or `/regex/flags`. */
export const bodyMatchValue = compiling(bodyPattern).min(1);

/** 5 fields, or 6 with seconds first (node-cron), within what the report slots support. */
export const cronExpression = z.string().superRefine((expression, ctx) => {
  const result = validateDetailed(expression);
  if (!result.valid) {
    for (const e of result.errors)
      ctx.addIssue({ code: 'custom', message: `invalid cron expression: ${e.field}: ${e.message}` });
    return;
  }
  try {
    assertSupported(expression);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** An IANA time zone name the runtime's Intl knows. */
export const timeZone = z.string().superRefine((zone, ctx) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `unknown time zone "${zone}" (use an IANA name, e.g. Europe/Berlin)`,
    });
  }
});
