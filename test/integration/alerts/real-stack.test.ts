import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { eventually, freePort, PrometheusStack, stackAvailable } from '../../helpers/prometheus-stack.js';
import { TinyExporter } from '../../helpers/tiny-exporter.js';

const TOKEN = 'am-webhook-token-0123456789';

interface Silence {
  id: string;
  createdBy: string;
  comment: string;
  startsAt: string;
  endsAt: string;
  status: { state: string };
  matchers: { name: string; value: string }[];
}

function textOf(value: unknown): string {
  return JSON.stringify(value);
}

describe.skipIf(!stackAvailable())('alerts and metrics against real Prometheus and Alertmanager', () => {
  let h: HttpBotHarness;
  let stack: PrometheusStack;
  let exporter: TinyExporter;
  let firingTs: string;
  let groupId: string;

  const silences = async () =>
    (await (await fetch(`${stack.alertmanagerUrl}/api/v2/silences`)).json()) as Silence[];

  beforeAll(async () => {
    exporter = await TinyExporter.start({
      bers_test_fire: 1,
      bers_test_latency_ms: 75,
      bers_test_error_ratio: 0.004,
    });
    const ports = { prometheus: await freePort(), alertmanager: await freePort() };
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
alerts:
  sources:
    - { kind: alertmanager, name: alertmanager, url: "http://127.0.0.1:${ports.alertmanager}" }
    - { kind: alertmanager, name: am-payments, url: "http://127.0.0.1:${ports.alertmanager}", filter: ['team="payments"'] }
  ackSilenceMinutes: 90
  channel: "#alerts"
  routes:
    - { match: { team: checkout }, channel: "#checkout-alerts" }
  webhook: { token: "${TOKEN}" }
metrics:
  prometheusUrl: "http://127.0.0.1:${ports.prometheus}"
  definitions:
    - { name: latency, title: Checkout latency, unit: ms, target: 100, comparison: below, source: { kind: prometheus, query: bers_test_latency_ms } }
    - { name: error-rate, title: Error Rate, unit: "%", target: 1, comparison: below, scale: 100, source: { kind: prometheus, query: bers_test_error_ratio } }
    - { name: broken, unit: ms, target: 1, comparison: below, source: { kind: prometheus, query: "rate(bers_test_latency_ms[5m" } }
`),
    });
    stack = await PrometheusStack.start({
      ports,
      scrapeTargets: [exporter.target],
      rules: `
  - name: checkout
    rules:
      - alert: CheckoutDown
        expr: bers_test_fire > 0
        labels: { severity: critical, team: checkout, service: checkout }
        annotations: { summary: Checkout is failing, description: "fire={{ $value }}" }
`,
      webhookUrl: `${h.url}/webhooks/alertmanager`,
      webhookToken: TOKEN,
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await h?.close();
    await exporter?.close();
  });

  it('posts the firing group from the real Alertmanager to the routed channel, with buttons', async () => {
    const post = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((c) => textOf(c).includes('CheckoutDown')),
      45_000,
      'the firing notification',
    );
    expect(post.channel).toBe('#checkout-alerts');
    expect(String(post.text)).toContain('FIRING (1): Checkout is failing');
    const buttons = textOf(post.blocks);
    for (const label of ['Acknowledge', 'Silence 1 h', 'Declare incident']) expect(buttons).toContain(label);
    const ack = (post.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((b) => b.type === 'actions')!
      .elements!.find((e) => e.action_id === 'bers:alerts:group-ack')!;
    groupId = ack.value;
    const stored = await eventually(async () => {
      const rows = await h.store.query<{ ts: string | null }>('SELECT ts FROM alert_notifications');
      return rows.find((r) => r.ts);
    }, 'the stored message');
    firingTs = stored.ts!;
  }, 60_000);

  it('lists the alert with a short id, severity and response target; ack silences its labels', async () => {
    const { reply } = await h.command('alerts');
    const text = textOf(reply.blocks);
    expect(text).toContain('critical');
    expect(text).toContain('CheckoutDown');
    expect(text).toContain('target 5 min');
    // The filtered source answered, with nothing of the checkout team.
    expect(text).toContain('sources: alertmanager, am-payments');
    expect(text.match(/CheckoutDown/g)).toHaveLength(1);
    const id = /`([0-9a-f]{6,})` \*CheckoutDown/.exec(text)?.[1];
    expect(id).toBeDefined();

    const acked = await h.command(`alerts ack ${id} looking into it`);
    expect(String(acked.reply.text)).toMatch(/silenced in alertmanager until/);
    const silence = (await silences()).find((s) => s.comment === 'looking into it')!;
    expect(silence.createdBy).toBe('ada');
    expect(silence.matchers).toEqual(
      expect.arrayContaining([{ name: 'alertname', value: 'CheckoutDown', isRegex: false, isEqual: true }]),
    );
    // Alertmanager moves a start a few ms in the past up to its own now.
    expect(
      Math.abs(new Date(silence.endsAt).getTime() - new Date(silence.startsAt).getTime() - 90 * 60_000),
    ).toBeLessThan(5_000);

    const listed = await h.command('alerts');
    expect(textOf(listed.reply.blocks)).toContain('_silenced_');

    // Alertmanager cannot resolve: the bot says so and offers to expire its silence.
    const resolved = await h.command(`alerts resolve ${id}`);
    expect(String(resolved.reply.text)).toContain('cannot be resolved by hand');
    const expire = textOf(resolved.reply.blocks);
    expect(expire).toContain('bers:alerts:expire-silence');
    const click = await h.click('bers:alerts:expire-silence', `alertmanager|${silence.id}`);
    const answer = await h.slack.waitFor(
      () => h.slack.responsesTo(click.responseId)[0],
      10_000,
      'expire reply',
    );
    expect(String(answer.text)).toContain('expired');
    await eventually(
      async () => (await silences()).find((s) => s.id === silence.id && s.status.state === 'expired'),
      'silence expired',
    );
  });

  it('declares an incident prefilled from the alert when Declare incident is clicked', async () => {
    const click = await h.click('bers:alerts:group-declare', groupId, { messageTs: firingTs });
    const answer = await h.slack.waitFor(
      () => h.slack.responsesTo(click.responseId)[0],
      10_000,
      'declare reply',
    );
    expect(String(answer.text)).toMatch(/Declared incident #\d+/);
    const created = h.slack.callsTo('conversations.create').at(-1);
    expect(String(created?.name)).toMatch(/^inc-\d+-/);
  });

  it('Silence 1 h creates a one-hour silence and notes it on the message', async () => {
    const click = await h.click('bers:alerts:group-silence', groupId, { messageTs: firingTs });
    await h.slack.waitFor(() => h.slack.responsesTo(click.responseId)[0], 10_000, 'silence reply');
    const silence = (await silences()).find(
      (s) => s.comment.startsWith('Silenced for 1 h') && s.status.state === 'active',
    )!;
    expect(
      Math.abs(new Date(silence.endsAt).getTime() - new Date(silence.startsAt).getTime() - 60 * 60_000),
    ).toBeLessThan(5_000);
    const update = h.slack.callsTo('chat.update').at(-1)!;
    expect(textOf(update.blocks)).toContain('Silenced for 1 h by');
    // Lift it so the resolved notification is not muted.
    await fetch(`${stack.alertmanagerUrl}/api/v2/silence/${silence.id}`, { method: 'DELETE' });
  });

  it('updates the original message when the real Alertmanager sends the resolved notification', async () => {
    exporter.set('bers_test_fire', 0);
    const update = await h.slack.waitFor(
      () => h.slack.callsTo('chat.update').find((c) => String(c.text).includes('RESOLVED')),
      60_000,
      'the resolved update',
    );
    expect(h.slack.nameOf(String(update.channel))).toBe('checkout-alerts');
    expect(update.ts).toBe(firingTs);
    expect(textOf(update.blocks)).not.toContain('Acknowledge');
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => textOf(c).includes('CheckoutDown')),
    ).toHaveLength(1);
  }, 90_000);

  it('shows the KPI table from Prometheus', async () => {
    const { reply } = await h.command('metrics');
    const text = textOf(reply.blocks);
    expect(text).toContain('Checkout latency');
    expect(text).toContain('current *75 ms*');
    expect(text).toContain('current *0.4%*');
    expect(text).toContain('parse error');
  });

  it('charts one metric over a period: numbers in the reply, a PNG uploaded', async () => {
    await eventually(async () => {
      const r = await fetch(
        `${stack.prometheusUrl}/api/v1/query?query=count_over_time(bers_test_latency_ms[5m])`,
      );
      const body = (await r.json()) as { data: { result: { value: [number, string] }[] } };
      return Number(body.data.result[0]?.value[1] ?? 0) >= 5;
    }, 'a few scrapes');
    const before = h.slack.uploads.length;
    const { reply } = await h.command('metrics latency 5m');
    const text = textOf(reply.blocks);
    expect(text).toContain('average 75 ms');
    expect(text).toContain('p95 75 ms');
    expect(text).toContain('max 75 ms');
    expect(text).toContain('Chart uploaded');
    expect(h.slack.uploads.length).toBe(before + 1);
    const png = PNG.sync.read(h.slack.uploads.at(-1)!.bytes);
    expect([png.width, png.height]).toEqual([900, 420]);
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) coloured++;
    }
    expect(coloured).toBeGreaterThan(1000);
    expect(h.slack.callsTo('files.completeUploadExternal').at(-1)!.channel_id).toBe('C0OPS');
  });

  it("answers a bad PromQL with Prometheus's own message", async () => {
    const { reply } = await h.command('metrics broken 1h');
    expect(String(reply.text)).toMatch(/Prometheus rejected the query .*parse error/);
  });
});
