import { z } from 'zod';
import { actionsIssues } from './actions-issues.js';
import { actionsSchema } from './actions-schema.js';
import { alertsSettingsSchema } from './alerts-schema.js';
import { checkListSchema, healthSettingsSchema } from './health-schema.js';
import { incidentSettingsSchema } from './incident-schema.js';
import { maintenanceSettingsSchema } from './maintenance-schema.js';
import { metricsSettingsSchema } from './metrics-schema.js';
import { pagerDutySettingsSchema } from './pagerduty-schema.js';
import { reportsSchema } from './reports-schema.js';
import { runbookIssues } from './runbook-issues.js';
import { runbooksSettingsSchema } from './runbook-schema.js';
import { statusPageSchema } from './status-page-schema.js';

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes (e.g. upload-bridge)');

export const serviceSchema = z.strictObject({
  name: slug,
  /** Other names accepted wherever a service is named: `/bers health api`, `/bers restart backend`. */
  aliases: z.array(slug).max(20).default([]),
  description: z.string().max(200).optional(),
  /** Channel where this service's reports and alerts go by default (`#name` or an id). */
  channel: z.string().optional(),
  checks: checkListSchema,
  /**
   * Who owns the service: Slack user ids (`U…`) or user group ids (`S…`). An incident naming the
   * service invites them to its channel as responders.
   */
  owners: z
    .array(z.string().regex(/^[UWS][A-Z0-9]{2,}$/, 'must be a Slack user id (U…) or user group id (S…)'))
    .default([]),
  /** The service's runbook, bookmarked in its incidents' channels. */
  runbook: z.url({ message: 'invalid URL' }).optional(),
});

const roleSchema = z.strictObject({
  users: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

const permissionsSchema = z
  .strictObject({
    roles: z.record(z.string(), roleSchema).default({}),
    grants: z
      .strictObject({
        read: z.array(z.string()).default(['*']),
        incident: z.array(z.string()).default(['*']),
        alerts: z.array(z.string()).default(['*']),
        operate: z.array(z.string()).default([]),
        admin: z.array(z.string()).default([]),
      })
      .prefault({}),
  })
  .prefault({});

export const botConfigSchema = z
  .strictObject({
    bot: z
      .strictObject({
        name: z.string().default('bers-bot'),
        /** The console operator's user id, for permissions in console mode. */
        consoleUser: z.string().default('console'),
      })
      .prefault({}),
    services: z.array(serviceSchema).min(1, 'configure at least one service'),
    health: healthSettingsSchema,
    permissions: permissionsSchema,
    pagerduty: pagerDutySettingsSchema,
    incidents: incidentSettingsSchema,
    alerts: alertsSettingsSchema,
    metrics: metricsSettingsSchema,
    reports: reportsSchema,
    actions: actionsSchema,
    statusPage: statusPageSchema,
    maintenance: maintenanceSettingsSchema,
    runbooks: runbooksSettingsSchema,
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.services.forEach((service, i) => {
      const first = seen.get(service.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'name'],
          message: `duplicate service name (also services[${first}])`,
        });
      }
      seen.set(service.name, i);
    });
    const aliasOf = new Map<string, string>();
    config.services.forEach((service, i) => {
      service.aliases.forEach((alias, j) => {
        const taken = seen.has(alias) ? `the service ${alias}` : aliasOf.get(alias);
        if (taken) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'aliases', j],
            message: `"${alias}" already names ${taken}`,
          });
        }
        aliasOf.set(alias, `an alias of ${service.name}`);
      });
    });
    for (const [permission, roles] of Object.entries(config.permissions.grants)) {
      roles.forEach((role, i) => {
        if (role !== '*' && !(role in config.permissions.roles)) {
          ctx.addIssue({
            code: 'custom',
            path: ['permissions', 'grants', permission, i],
            message: `unknown role "${role}"`,
          });
        }
      });
    }
    for (const name of Object.keys(config.pagerduty.services)) {
      if (!seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['pagerduty', 'services', name], message: 'unknown service' });
      }
    }
    config.maintenance.windows.forEach((window, i) => {
      window.services.forEach((service, j) => {
        const known = seen.has(service) || aliasOf.has(service);
        if (!known) {
          ctx.addIssue({
            code: 'custom',
            path: ['maintenance', 'windows', i, 'services', j],
            message: 'unknown service',
          });
        }
      });
    });
    for (const service of Object.keys(config.maintenance.silenceMatchers)) {
      if (!seen.has(service)) {
        ctx.addIssue({
          code: 'custom',
          path: ['maintenance', 'silenceMatchers', service],
          message: aliasOf.has(service) ? 'name the service itself, not an alias' : 'unknown service',
        });
      }
    }
    const roles = Object.keys(config.permissions.roles);
    const metrics = config.metrics.definitions.map((d) => d.name);
    for (const issue of actionsIssues(config.actions, { services: [...seen.keys()], roles, metrics })) {
      ctx.addIssue({ code: 'custom', ...issue });
    }
    config.runbooks.definitions.forEach((runbook, i) => {
      for (const issue of runbookIssues(runbook, config)) {
        ctx.addIssue({ code: 'custom', ...issue, path: ['runbooks', 'definitions', i, ...issue.path] });
      }
    });
  });

export type BotConfig = z.infer<typeof botConfigSchema>;

export type { CheckConfig } from './health-schema.js';
