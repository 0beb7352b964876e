import { z } from 'zod';
import { ServiceNames } from '../src/config/service-names.js';
import type { Command } from '../src/core/command.js';
import { auditReply } from '../src/views/audit-view.js';

const args = z
  .array(z.string().max(64))
  .max(2, 'expected `audit [n] [service]`')
  .transform((tokens, ctx) => {
    const [first, second] = tokens;
    const count = first !== undefined && /^\d+$/.test(first) ? Number(first) : undefined;
    const service = count === undefined ? first : second;
    if (
      (count === undefined && second !== undefined) ||
      (count !== undefined && (count < 1 || count > 100))
    ) {
      ctx.addIssue({ code: 'custom', message: 'expected `audit [n] [service]` with n from 1 to 100' });
      return z.NEVER;
    }
    return { count: count ?? 20, service: service?.toLowerCase() };
  });

export const auditCommand: Command<z.infer<typeof args>> = {
  name: 'audit',
  summary: 'recent audited commands and operations (restarts, rollbacks: who, when, outcome)',
  usage: ['audit [n] [service]'],
  examples: ['audit', 'audit 50', 'audit 10 unjucks-api'],
  permission: 'read',
  args,
  async run({ count, service }, ctx) {
    const canonical = service && new ServiceNames(ctx.services.config.services).resolve(service);
    const records = await ctx.services.audit.recent(count, { service: canonical });
    return auditReply(records, canonical);
  },
};
