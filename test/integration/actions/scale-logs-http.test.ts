import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { FakeDocker } from '../../helpers/fake-docker.js';
import { FakeKubernetes } from '../../helpers/fake-kubernetes.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };
const DEV = { id: 'U0DEV', name: 'dev' };

/** A program printing 400 long log lines, a Slack token among them: too much for one message (no `${}`: the config would expand it). */
const PRINT_LOGS = [
  'const [tail, since] = process.argv.slice(1);',
  'console.log("args tail=" + tail + " since=" + since);',
  'for (let i = 0; i < 400; i++) console.log("line " + i + " " + "x".repeat(60));',
  'console.log("posting with xoxb-1234-5678-abcdefghijkl");',
].join(' ');

describe('/bers scale and /bers logs over Slack HTTP mode', () => {
  let h: HttpBotHarness;
  let tcp: Server;
  let kube: FakeKubernetes;
  let docker: FakeDocker;

  beforeAll(async () => {
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    kube = await FakeKubernetes.start();
    kube.podLogs.set(
      'unjucks-api-0',
      [
        '2026-01-05T08:00:01.000000000Z GET /templates 200',
        '2026-01-05T08:00:02.000000000Z ERROR db: password authentication failed, url postgres://monitor:hunter2@db-primary/unjucks',
        '2026-01-05T08:00:03.000000000Z GET /health 200',
      ].join('\n'),
    );
    kube.podLogs.set(
      'unjucks-api-1',
      '2026-01-05T08:00:02.500000000Z error calling renderer with Authorization: Bearer abc.def.ghi\n',
    );
    const kubeconfig = await kube.writeKubeconfig(await mkdtemp(join(tmpdir(), 'bers-scale-')));
    docker = await FakeDocker.start();
    docker.addComposeContainer('ai-chat', 'backend', 1, [
      { at: '2026-01-05T08:00:01.000000000Z', text: 'listening on 3001' },
      { at: '2026-01-05T08:00:02.000000000Z', text: 'queue drained', stream: 2 },
    ]);
    const port = (tcp.address() as { port: number }).port;
    const check = `checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]`;
    h = await startHttpBot({
      config: configFrom(`
services:
  - { name: unjucks-api, aliases: [api], ${check} }
  - { name: ai-chat-backend, aliases: [backend], ${check} }
  - { name: upload-bridge, ${check} }
permissions:
  roles:
    sre: { users: [U0ADA] }
    dev: { users: [U0DEV] }
  grants: { operate: [sre, dev], admin: [sre] }
actions:
  verifyIntervalSeconds: 0.1
  services:
    unjucks-api:
      environments:
        production:
          executor: { kind: kubernetes, namespace: unjucks-prod, deployment: unjucks-api, kubeconfig: ${kubeconfig}, pollSeconds: 0.01 }
          maxReplicas: 8
          logs: { kind: kubernetes, roles: [sre] }
    ai-chat-backend:
      environments:
        production:
          executor: { kind: docker, socketPath: ${docker.socketPath}, composeService: backend, composeProject: ai-chat }
    upload-bridge:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
          logs: { kind: command, argv: [node, -e, '${PRINT_LOGS}', "{tail}", "{since}"] }
`),
    });
  });
  afterAll(async () => {
    await h.close();
    tcp.close();
    kube.close();
    await docker.close();
  });

  const posts = () => h.slack.callsTo('chat.postMessage');
  const code = (reply: Json) =>
    (reply.blocks as Json[]).map((b) => b.text?.text ?? '').find((t: string) => t.startsWith('```'));

  it('scales a deployment by its alias after a confirmation, then verifies its health', async () => {
    const { reply } = await h.command('scale api 6', ADA);
    expect(JSON.stringify(reply.blocks)).toContain('Scale unjucks-api (production)?');
    expect(JSON.stringify(reply.blocks)).toContain(
      'kubernetes deployment/unjucks-api -n unjucks-prod → 6 replicas',
    );
    const confirm = (reply.blocks as Json[]).find((b) => b.type === 'actions').elements[0];
    expect(confirm.action_id).toBe('bers:scale:confirm');
    await h.click(confirm.action_id, confirm.value, { user: ADA });
    const done = await h.slack.waitFor(
      () => posts().find((p) => String(p.text).startsWith('Done: scale')),
      15_000,
      'scale',
    );
    expect(done.text).toContain(
      'scale *unjucks-api* (production) to 6 replicas: deployment/unjucks-api scaled from 2 to 6 replicas; all available',
    );
    await h.slack.waitFor(
      () => posts().find((p) => String(p.text).includes('unjucks-api (production) healthy after')),
      15_000,
      'verification',
    );
    expect(kube.current.spec.replicas).toBe(6);
  });

  it('refuses counts beyond the limit, and services whose executor cannot scale', async () => {
    expect(String((await h.command('scale api 9', ADA)).reply.text)).toContain(
      '`9` is not a valid replicas: expected a whole number from 0 to 8',
    );
    expect(String((await h.command('scale api -1', ADA)).reply.text)).toContain('is not a valid replicas');
    expect(String((await h.command('scale upload-bridge 2', ADA)).reply.text)).toContain(
      'upload-bridge (production) cannot be scaled by its executor',
    );
  });

  it('shows the matching lines of every pod, secrets masked, to the roles allowed', async () => {
    const { reply } = await h.command('logs api --since 15m --grep error --tail 5', ADA);
    const text = code(reply);
    expect(text).toContain(
      '[unjucks-api-0] ERROR db: password authentication failed, url postgres://monitor:[redacted]@db-primary/unjucks',
    );
    expect(text).toContain('[unjucks-api-1] error calling renderer with Authorization: Bearer [redacted]');
    expect(text).not.toContain('GET /health');
    expect(text).not.toContain('hunter2');
    expect(JSON.stringify(reply.blocks)).toContain('last 15m · lines containing “error”: 2 of 4');
    const denied = await h.command('logs api', DEV);
    expect(String(denied.reply.text)).toContain(
      'You are not allowed to read the logs of unjucks-api in production',
    );
  });

  it("reads a compose service's container logs by its compose name", async () => {
    const { reply } = await h.command('logs backend --tail 10', DEV);
    expect(code(reply)).toBe(
      '```2026-01-05T08:00:01.000000000Z listening on 3001\n2026-01-05T08:00:02.000000000Z queue drained```',
    );
  });

  it('uploads the whole output as a file when it does not fit, masked too', async () => {
    const { reply } = await h.command('logs upload-bridge --tail 500 --since 2h', ADA);
    expect(code(reply)).toContain('posting with xox?-[redacted]');
    expect(JSON.stringify(reply.blocks)).toContain(
      'All 402 lines are in `upload-bridge-production-logs.txt`, uploaded to this channel.',
    );
    const file = h.slack.uploads.at(-1)!.bytes.toString('utf8');
    expect(file.split('\n')[0]).toBe('args tail=500 since=2h');
    expect(file).toContain('line 0 xxx');
    expect(file).toContain('posting with xox?-[redacted]');
    expect(file).not.toContain('abcdefghijkl');
  });

  it('explains bad options', async () => {
    expect(String((await h.command('logs api --bogus 1', ADA)).reply.text)).toContain(
      'unknown option `--bogus`',
    );
    expect(String((await h.command('logs api --since 30d', ADA)).reply.text)).toContain(
      '`--since` is a duration from 1s to 7d',
    );
    expect(String((await h.command('logs api --tail 0', ADA)).reply.text)).toContain(
      '`--tail` is a number of lines from 1 to 1000',
    );
  });
});
