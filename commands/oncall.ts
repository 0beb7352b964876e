import { z } from 'zod';
import { ServiceNames } from '../src/config/service-names.js';
import type { Command } from '../src/core/command.js';
import { UnavailableError } from '../src/core/errors.js';
import type { Services } from '../src/core/services.js';
import { onCallReply } from '../src/views/oncall-view.js';

const args = z
  .array(z.string().max(64, 'a service name is at most 64 characters'))
  .max(1, 'name one service at most')
  .transform(([service]) => ({ service }));

/** The on-call port (absent without PAGERDUTY_API_TOKEN) and the service names it resolves. */
export interface OnCallCommandDeps {
  oncall?: Pick<NonNullable<Services['oncall']>, 'lookup'>;
  config: Pick<Services['config'], 'services'>;
}

export function createOnCallCommand(deps: OnCallCommandDeps): Command<z.infer<typeof args>> {
  return {
    name: 'oncall',
    summary: 'who is on call now (PagerDuty)',
    usage: ['oncall [service]'],
    examples: ['oncall', 'oncall upload-bridge'],
    permission: 'read',
    args,
    async run({ service }) {
      const oncall = deps.oncall;
      if (!oncall) throw new UnavailableError('On-call lookup is off: PAGERDUTY_API_TOKEN is not set.');
      const canonical = service && new ServiceNames(deps.config.services).resolve(service);
      return onCallReply(await oncall.lookup(canonical));
    },
  };
}
