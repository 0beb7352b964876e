import { z } from 'zod';
import { ServiceNames } from '../src/config/service-names.js';
import type { Command } from '../src/core/command.js';
import { UnavailableError } from '../src/core/errors.js';
import { onCallReply } from '../src/views/oncall-view.js';

const args = z
  .array(z.string().max(64, 'a service name is at most 64 characters'))
  .max(1, 'name one service at most')
  .transform(([service]) => ({ service }));

export const onCallCommand: Command<z.infer<typeof args>> = {
  name: 'oncall',
  summary: 'who is on call now (PagerDuty)',
  usage: ['oncall [service]'],
  examples: ['oncall', 'oncall upload-bridge'],
  permission: 'read',
  args,
  async run({ service }, ctx) {
    const oncall = ctx.services.oncall;
    if (!oncall) throw new UnavailableError('On-call lookup is off: PAGERDUTY_API_TOKEN is not set.');
    const canonical = service && new ServiceNames(ctx.services.config.services).resolve(service);
    return onCallReply(await oncall.lookup(canonical));
  },
};
