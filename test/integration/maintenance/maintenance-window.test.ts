import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHealthCommand } from '../../../commands/health.js';
import { buildActions } from '../../../src/actions/build-actions.js';
import { AlertIds } from '../../../src/alerts/alert-ids.js';
import { AlertService } from '../../../src/alerts/alert-service.js';
import { SilenceStore } from '../../../src/alerts/silence-store.js';
import { ButtonBoard } from '../../../src/console/button-board.js';
import { ConsoleChat } from '../../../src/console/console-chat.js';
import type { Chat } from '../../../src/core/chat.js';
import { ManualClock } from '../../../src/core/clock.js';
import { UsageError } from '../../../src/core/errors.js';
import type { Message } from '../../../src/core/message.js';
import { Permissions } from '../../../src/core/permissions.js';
import type { HealthService } from '../../../src/health/health-service.js';
import { AlertmanagerClient } from '../../../src/integrations/alertmanager/alertmanager-client.js';
import { AlertmanagerSource } from '../../../src/integrations/alertmanager/alertmanager-source.js';
import { buildMaintenance } from '../../../src/maintenance/build-maintenance.js';
import { maintenanceSection } from '../../../src/reports/sections/maintenance-section.js';
import { TimerService } from '../../../src/scheduler/timers.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { maintenanceMessages } from '../../../src/views/maintenance-messages.js';
import { sectionBlocks } from '../../../src/views/report-sections-view.js';
import { actionPorts } from '../../../src/wiring/action-ports.js';
import { actionUser } from '../../helpers/actions.js';
import { configFrom } from '../../helpers/config.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

/** An HTTP fake of Alertmanager's v2 silences API: what the bot created and expired, counted outside it. */
function fakeAlertmanager() {
  const created: { id: string; matchers: { name: string; value: string }[]; endsAt: string }[] = [];
  const expired: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/api/v2/silences') {
        const id = `sil-${created.length + 1}`;
        created.push({ id, ...JSON.parse(body) });
        res.end(JSON.stringify({ silenceID: id }));
      } else if (req.method === 'DELETE' && req.url?.startsWith('/api/v2/silence/')) {
        expired.push(decodeURIComponent(req.url.slice('/api/v2/silence/'.length)));
        res.end('{}');
      } else if (req.method === 'GET' && req.url?.startsWith('/api/v2/alerts')) {
        res.end('[]');
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  return { server, created, expired };
}

const CONFIG = `
services:
  - name: unjucks-api
    aliases: [api]
    channel: "#unjucks-ops"
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: unjucks-db
    channel: "#unjucks-ops"
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
permissions:
  roles:
    sre: { users: [U_ADA, U_BOB] }
  grants: { operate: [sre], admin: [sre] }
maintenance:
  # Unjucks's alert rules carry no service label: its API's alerts are told by their job.
  silenceMatchers:
    unjucks-api: [{ name: job, value: unjucks-api }, { name: env, value: production }]
  windows:
    - name: weekly
      title: Weekly maintenance
      cron: "0 2 * * 0"
      durationMinutes: 120
      services: [api, unjucks-db] # an alias is the service
      announce: [24h, 2h]
      checklist: templates/pre-maintenance.hbs
actions:
  services:
    unjucks-api:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] }, rollback: { argv: [node, -e, "0"] } }
          twoPersonRollback: true
`;

const reportOf = (names: readonly string[]) => ({
  at: new Date(),
  durationMs: 1,
  overall: 'healthy' as const,
  services: (names.length ? names : ['unjucks-api', 'unjucks-db', 'web']).map((service) => ({
    service,
    status: 'healthy' as const,
    latencyMs: 1,
    checks: [],
  })),
});
const health = {
  check: async (names: readonly string[] = []) => reportOf(names),
} as unknown as HealthService;

for (const backend of storeBackends()) {
  describe(`maintenance windows on ${backend.name}`, () => {
    let store: Store;
    let am: ReturnType<typeof fakeAlertmanager>;
    let url: string;
    beforeAll(async () => {
      store = await backend.open();
      am = fakeAlertmanager();
      await new Promise<void>((r) => am.server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(am.server.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await store.close();
      am.server.close();
    });

    /** One bot process: its own timers and services on the shared store ("restart" = build another). */
    async function boot(clock: ManualClock, posts: { channel: string; message: Message }[]) {
      const config = configFrom(CONFIG);
      const log = captureLogs().log;
      const timers = new TimerService(store, clock, log);
      const source = new AlertmanagerSource('am', new AlertmanagerClient(url), {
        filter: [],
        ackSilenceMinutes: 60,
        clock,
      });
      const alerts = new AlertService([source], {
        ids: new AlertIds(store, clock),
        silences: new SilenceStore(store),
        clock,
        timeoutMs: 5000,
        ackSilenceMinutes: 60,
      });
      const chat = {
        post: async (channel: string, message: Message) => {
          posts.push({ channel, message });
          return { channel, ts: String(posts.length) };
        },
      } as unknown as Chat;
      const maintenance = await buildMaintenance({
        ...{ config, store, timers, alerts, health, chat, clock, log },
        render: maintenanceMessages,
      });
      await maintenance.planRecurring();
      return { config, timers, maintenance };
    }

    it('announces once at 24 h and 2 h, silences once at the start and expires once at the end, across a restart', async () => {
      const clock = new ManualClock(new Date('2026-12-05T01:00:00Z'));
      const posts: { channel: string; message: Message }[] = [];
      const first = await boot(clock, posts);
      const texts = () => posts.map((p) => p.message.text);

      clock.set(new Date('2026-12-05T02:00:00Z'));
      await first.timers.poll();
      expect(texts()).toEqual([expect.stringMatching(/^🔧 Maintenance in 24 h: Weekly maintenance/)]);
      expect(JSON.stringify(posts[0]!.message.blocks)).toContain('Send maintenance notification to users');
      expect(posts[0]!.channel).toBe('#unjucks-ops');

      // The bot restarts (a second process on the same store, planning again), while the old one still polls.
      const second = await boot(clock, posts);
      await Promise.all([first.timers.poll(), second.timers.poll()]);
      expect(posts).toHaveLength(1);

      clock.set(new Date('2026-12-06T00:00:00Z'));
      await Promise.all([first.timers.poll(), second.timers.poll()]);
      expect(texts()[1]).toMatch(/^🔧 Maintenance in 2 h/);
      expect(JSON.stringify(posts[1]!.message.blocks)).toContain('Disable automated deployments');

      clock.set(new Date('2026-12-06T02:00:05Z'));
      await Promise.all([first.timers.poll(), second.timers.poll()]);
      await second.timers.poll();
      expect(am.created.map((s) => s.matchers.map((m) => `${m.name}=${m.value}`))).toEqual([
        ['job=unjucks-api', 'env=production'],
        ['service=unjucks-db'],
      ]);
      expect(am.created[0]!.endsAt).toBe('2026-12-06T04:00:05.000Z');
      expect(texts().filter((t) => t.includes('Maintenance started'))).toHaveLength(1);

      // Health shows it (the checks still run).
      // The list fits a message, so no file goes to the chat: the command needs these two ports.
      const command = createHealthCommand({ health, maintenance: second.maintenance } as never);
      const reply = await command.run({ services: [] }, {} as never);
      const shown = JSON.stringify(reply.blocks);
      expect(shown).toContain('*unjucks-api* healthy · 🔧 in maintenance until 04:00 UTC');
      expect(shown).not.toContain('*web* healthy · 🔧');
      // And so does the daily report, in its own section.
      const section = await maintenanceSection(second.maintenance).gather(
        clock.now(),
        AbortSignal.timeout(5000),
      );
      expect(JSON.stringify(sectionBlocks(section!, 'UTC'))).toContain(
        '*unjucks-api, unjucks-db* in maintenance until 2026-12-06 04:00 UTC',
      );

      clock.set(new Date('2026-12-06T04:00:00Z'));
      await Promise.all([first.timers.poll(), second.timers.poll()]);
      await first.timers.poll();
      expect(am.expired.sort()).toEqual(['sil-1', 'sil-2']);
      expect(texts().filter((t) => t.startsWith('✅ Maintenance over'))).toHaveLength(1);
      expect(posts).toHaveLength(4);
      // The next Sunday is planned, once.
      const upcoming = await second.maintenance.upcoming();
      expect(upcoming.map((o) => o.startsAt.toISOString())).toEqual(['2026-12-13T02:00:00.000Z']);
      // Cancelling that Sunday plans the one after, and nothing of it fires.
      await second.maintenance.cancel(upcoming[0]!.id);
      expect((await second.maintenance.upcoming()).map((o) => o.startsAt.toISOString())).toEqual([
        '2026-12-20T02:00:00.000Z',
      ]);
      clock.set(new Date('2026-12-13T03:00:00Z'));
      await Promise.all([first.timers.poll(), second.timers.poll()]);
      expect(posts).toHaveLength(4);
      expect(am.created).toHaveLength(2);
      clock.set(new Date('2026-12-19T02:00:00Z'));
      await Promise.all([first.timers.poll(), second.timers.poll()]);
      expect(texts().slice(4)).toEqual([expect.stringMatching(/^🔧 Maintenance in 24 h/)]);
    });

    it('lifts the two-person rule inside a window, and only there', async () => {
      const clock = new ManualClock(new Date('2027-03-01T10:00:00Z'));
      const posts: { channel: string; message: Message }[] = [];
      const { config, maintenance } = await boot(clock, posts);
      const actions = buildActions({
        ...actionPorts,
        config,
        store,
        audit: new AuditLog(store, clock),
        chat: new ConsoleChat(new PassThrough(), new ButtonBoard()),
        health,
        permissions: new Permissions(config.permissions),
        clock,
        log: captureLogs().log,
        processEnv: { PATH: process.env.PATH },
        sleep: async (ms) => clock.advance(ms),
        inMaintenance: async (service) => (await maintenance.windowOf(service)) !== undefined,
      });
      const target = actions.service.target('unjucks-api');
      const outside = await actions.service.request('rollback', target, actionUser('U_ADA'));
      expect(outside.twoPerson).toBe(true);
      await expect(actions.runner.confirm(outside.id, actionUser('U_ADA'))).rejects.toThrow(UsageError);

      const { occurrence } = await maintenance.scheduleOneOff({
        services: ['unjucks-api'],
        startsAt: new Date('2027-03-01T11:00:00Z'),
        durationMinutes: 60,
        title: 'Upgrade',
        createdBy: 'ada',
      });
      clock.set(new Date('2027-03-01T11:10:00Z'));
      const inside = await actions.service.request('rollback', target, actionUser('U_ADA'));
      expect(inside.twoPerson).toBe(false);
      const confirmed = await actions.runner.confirm(inside.id, actionUser('U_ADA'));
      expect(confirmed.confirmedBy?.id).toBe('U_ADA');

      await maintenance.cancel(occurrence.id);
      const after = await actions.service.request('rollback', target, actionUser('U_ADA'));
      expect(after.twoPerson).toBe(true);
    });
  });
}
