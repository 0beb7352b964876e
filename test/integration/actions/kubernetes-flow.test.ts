import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { FakeKubernetes } from '../../helpers/fake-kubernetes.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };
const BOB = { id: 'U0BOB', name: 'bob' };

describe('history and a two-person rollback of a Kubernetes deployment, from Slack', () => {
  let h: HttpBotHarness;
  let kube: FakeKubernetes;
  let tcp: Server;

  beforeAll(async () => {
    kube = await FakeKubernetes.start();
    const kubeconfig = await kube.writeKubeconfig(await mkdtemp(join(tmpdir(), 'bers-kflow-')));
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: unjucks-api
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${(tcp.address() as { port: number }).port} }]
permissions:
  roles: { sre: { users: [U0ADA, U0BOB] } }
  grants: { admin: [sre] }
actions:
  services:
    unjucks-api:
      environments:
        production:
          executor: { kind: kubernetes, namespace: unjucks-prod, deployment: unjucks-api, kubeconfig: ${kubeconfig}, pollSeconds: 0.01 }
          twoPersonRollback: true
          revisionFormat: '^\\d+$'
`),
    });
  });
  afterAll(async () => {
    await h.close();
    kube.close();
    tcp.close();
  });

  it('shows the revisions, then rolls back to a named one once a second person confirms', async () => {
    const { reply: history } = await h.command('history unjucks-api', ADA);
    const text = JSON.stringify(history.blocks);
    expect(text).toContain('revision *3* (current)');
    expect(text).toContain('unjucks:1.0.0');

    expect((await h.command('rollback unjucks-api to latest', ADA)).reply.text).toContain(
      'is not a revision',
    );
    const { reply } = await h.command('rollback unjucks-api to 1', ADA);
    expect(JSON.stringify(reply.blocks)).toContain('Two-person rule');
    const confirm = (reply.blocks as Json[]).find((b) => b.type === 'actions').elements[0];

    const own = await h.click(confirm.action_id, confirm.value, { user: ADA });
    const refusal = await h.slack.waitFor(() => h.slack.responsesTo(own.responseId)[0], 10_000, 'refusal');
    expect(refusal.text).toContain('someone else with rollback rights must confirm');
    expect(kube.requests.some((r) => r.method === 'PATCH')).toBe(false);

    await h.click(confirm.action_id, confirm.value, { user: BOB });
    const verified = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((p) => String(p.text).includes('healthy after')),
      15_000,
      'verification',
    );
    expect(verified.text).toContain('unjucks-api (production) healthy after');
    expect(kube.current.spec.template.spec.containers[0].image).toBe('unjucks:1.0.0');
    expect(kube.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    const { reply: audit } = await h.command('audit 10 unjucks-api', ADA);
    const rows = JSON.stringify(audit.blocks);
    for (const step of ['rollback.request', 'rollback.confirm', 'rollback.execute', 'rollback.verify']) {
      expect(rows).toContain(step);
    }
  });
});
