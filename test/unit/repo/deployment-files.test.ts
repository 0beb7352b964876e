import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseConfig } from '../../../src/config/load-config.js';
import { readSettings, SETTING_NAMES } from '../../../src/config/settings.js';
import { botRoutes } from '../../../src/http/bot-routes.js';
import { ROOT } from '../../helpers/bot-process.js';
import { dockerfileStages } from '../../helpers/dockerfile.js';
import { nodeFlagsOf } from '../../helpers/node-flags.js';

// biome-ignore lint/suspicious/noExplicitAny: manifests are walked as the YAML they are.
type Doc = Record<string, any>;

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const PORT = readSettings({}).PORT;
const ROUTES = new Set(
  botRoutes({ store: {} as never, metrics: {} as never, configLoaded: () => true }).map((r) => r.path),
);
const SETTINGS = new Set<string>(SETTING_NAMES);
const BIN = (JSON.parse(read('package.json')) as { bin: Record<string, string> }).bin['bers-bot']!;

/** Docker cannot run here; these tests hold the files to what the app reads and serves. */
describe('Dockerfile', () => {
  const stages = dockerfileStages(read('Dockerfile'));
  const final = stages.at(-1)!;

  it('is multi-stage, and the image runs as an unprivileged user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const user = final.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('ships production dependencies only, and the bundled bot', () => {
    const copies = final.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);
    const modules = copies.find((c) => c.includes('node_modules'))!;
    const from = /--from=(\S+)/.exec(modules)![1]!;
    const installs = stages.find((s) => s.name === from)!.instructions.filter((i) => /npm ci/.test(i.args));
    expect(installs.map((i) => i.args)).toEqual([expect.stringContaining('--omit=dev')]);
    expect(final.instructions.some((i) => i.op === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
    expect(final.instructions.find((i) => i.op === 'ENTRYPOINT')!.args).toContain(BIN);
  });

  it("runs the bot with its bin's node flags (src/main.ts's first line)", () => {
    const entrypoint = JSON.parse(final.instructions.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
    expect(entrypoint).toEqual(['node', ...nodeFlagsOf(join(ROOT, 'src/main.ts')), BIN]);
  });

  it('checks /healthz, exposes PORT, and sets only variables the bot reads', () => {
    const healthcheck = final.instructions.find((i) => i.op === 'HEALTHCHECK')!.args;
    expect(healthcheck).toContain('/healthz');
    expect(ROUTES.has('/healthz')).toBe(true);
    expect(final.instructions.find((i) => i.op === 'EXPOSE')!.args).toBe(String(PORT));
    const env = final.instructions
      .filter((i) => i.op === 'ENV')
      .flatMap((i) => [...i.args.matchAll(/(\w+)=/g)].map((m) => m[1]!));
    expect(env).toContain('PORT');
    for (const name of env.filter((n) => n !== 'NODE_ENV')) expect(SETTINGS, name).toContain(name);
  });

  it('prepares the embedded database template in the build stage and ships it in dist/', () => {
    const dist = final.instructions.find((i) => i.op === 'COPY' && /\/app\/dist\s/.test(i.args))!.args;
    const build = stages.find((s) => s.name === /--from=(\S+)/.exec(dist)![1])!.instructions;
    // `npm run build` writes the template (scripts/ensure-build.mjs) from the migrations under src/.
    const runs = build.findIndex((i) => i.op === 'RUN' && i.args === 'npm run build');
    // The sources, and the build script with its bundle options, are copied in before it.
    const copied = (what: string) => build.findIndex((i) => i.op === 'COPY' && i.args.startsWith(`${what} `));
    for (const needed of ['src', 'commands', 'scripts']) {
      expect(copied(needed), needed).toBeGreaterThanOrEqual(0);
      expect(copied(needed), needed).toBeLessThan(runs);
    }
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe('node scripts/ensure-build.mjs --always');
    expect(read('scripts/ensure-build.mjs')).toContain('buildPgliteTemplate');
  });

  it('copies the files the bot reads at run time', () => {
    const sources = final.instructions
      .filter((i) => i.op === 'COPY' && !i.args.includes('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    for (const needed of ['templates', 'src/store/migrations', 'package.json', 'bers.config.yaml']) {
      expect(sources).toContain(needed);
    }
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as Doc;
  const bot = compose.services.bot as Doc;

  it('runs two bot replicas on one PostgreSQL service', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(bot.deploy.replicas).toBe(2);
    expect(bot.depends_on.postgres.condition).toBe('service_healthy');
    expect(bot.environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
  });

  it('passes only variables the bot reads, and publishes its port', () => {
    for (const name of Object.keys(bot.environment)) expect(SETTINGS, name).toContain(name);
    expect(bot.environment.PORT).toBe(String(PORT));
    expect(bot.ports).toEqual([String(PORT)]);
  });
});

function k8sDocs(dir = 'deploy/k8s'): Doc[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(read(join(dir, f))).map((d) => d.toJS() as Doc));
}

describe('deploy/k8s', () => {
  const docs = k8sDocs();
  const one = (kind: string) => docs.find((d) => d.kind === kind)!;
  const deployment = one('Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const service = one('Service');
  const secret = one('Secret');

  it('probes liveness on /healthz and readiness on /readyz, on the port the bot listens on', () => {
    const http = container.ports.find((p: Doc) => p.name === 'http');
    expect(http.containerPort).toBe(PORT);
    expect(container.env.find((e: Doc) => e.name === 'PORT').value).toBe(String(PORT));
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    for (const path of ['/healthz', '/readyz']) expect(ROUTES).toContain(path);
  });

  it('takes tokens from the Secret, and every variable is one the bot reads', () => {
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata.name } }]);
    const names = [...container.env.map((e: Doc) => e.name), ...Object.keys(secret.stringData)];
    for (const name of names) expect(SETTINGS, name).toContain(name);
    // More than one replica needs the shared store.
    expect(deployment.spec.replicas).toBeGreaterThan(1);
    expect(Object.keys(secret.stringData)).toContain('DATABASE_URL');
    expect(pod.securityContext.runAsNonRoot).toBe(true);
  });

  it('serves /metrics through the Service in a shape a ServiceMonitor scrapes', () => {
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports[0].targetPort).toBe('http');
    const monitor = one('ServiceMonitor');
    expect(monitor.spec.selector.matchLabels).toEqual(service.metadata.labels);
    expect(monitor.spec.endpoints[0]).toMatchObject({ port: service.spec.ports[0].name, path: '/metrics' });
    expect(ROUTES).toContain('/metrics');
  });

  it('mounts a config the bot accepts where BERS_CONFIG points', () => {
    const configMap = one('ConfigMap');
    const mount = container.volumeMounts.find((m: Doc) => m.name === 'config');
    const file = container.env.find((e: Doc) => e.name === 'BERS_CONFIG').value as string;
    const key = file.slice(mount.mountPath.length + 1);
    expect(file.startsWith(`${mount.mountPath}/`)).toBe(true);
    expect(() => parseConfig(configMap.data[key], key, { PORT: String(PORT) })).not.toThrow();
  });
});
