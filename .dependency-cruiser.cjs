// The layering of bers-bot (issue #12), enforced by `npm run lint`. See docs/architecture.md.
//
//   main (src/main.ts, src/cli/)
//     -> composition root (src/app.ts, src/build-services.ts, src/bot-options.ts, src/services.ts,
//        src/wiring/ (the registries of kinds), and each area's src/<area>/build-*.ts wiring file)
//       -> transports (src/slack/, src/console/, src/ingress/, src/http/, src/inbox/)
//         -> commands/ -> views (src/views/, rendering only)
//           -> domain areas (incident, health, alerts, actions, metrics, reports, logs,
//                            scheduler, status, maintenance, runbooks)
//             -> kernel (src/core/ the command model, errors and ports; src/config/ the schema;
//                        src/observability/ logging and the bot's own metrics)
//
// Adapters (src/integrations/*, src/store/) implement ports declared by the areas and core; only
// the composition root imports them. `src/store/store.ts` is the SQL port itself (types only), so
// repositories in the areas may import it type-only.
//
// Every rule names the arrow it guards, so a failing import says which rule it broke.

const main = '^src/(main\\.ts|cli/)';
const root = '^src/(app|build-services|bot-options|services)\\.ts$|^src/wiring/|^src/[^/]+/build-[^/]+\\.ts$';
const transports = '^src/(slack|console|ingress|http|inbox)/';
const commands = '^commands/';
const views = '^src/views/';
const domain =
  '^src/(incident|health|alerts|actions|metrics|reports|logs|scheduler|status|maintenance|runbooks)/';
const core = '^src/core/';
const kernel = '^src/(core|config|observability)/';
const adapters = '^src/(integrations|store)/';
const storePort = '^src/store/store\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles at file level: a cycle makes two files one module in disguise.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-main-imports-main',
      severity: 'error',
      comment: 'main -> composition root: nothing imports the entry point or the CLI back.',
      from: { pathNot: main },
      to: { path: main },
    },
    {
      name: 'only-main-imports-root',
      severity: 'error',
      comment: 'main -> composition root: only main (and the root itself) imports the wiring.',
      from: { pathNot: `${main}|${root}` },
      to: { path: root, pathNot: '^src/[^/]+/build-[^/]+\\.ts$' },
    },
    {
      name: 'transports-not-to-adapters',
      severity: 'error',
      comment:
        'transports -> commands: a transport does not import integrations or the store; the root wires them.',
      from: { path: transports },
      to: { path: adapters, pathNot: storePort },
    },
    {
      name: 'commands-not-to-transports',
      severity: 'error',
      comment: 'transports -> commands: commands do not know which transport carries them.',
      from: { path: commands },
      to: { path: `${transports}|${root}|${main}` },
    },
    {
      name: 'commands-not-to-adapters',
      severity: 'error',
      comment:
        'commands -> domain: commands use ports (on-call, notification state, ...), never a store or a vendor.',
      from: { path: commands },
      to: { path: adapters },
    },
    {
      name: 'views-not-to-commands-or-transports',
      severity: 'error',
      comment:
        'views are rendering: they turn domain data into Block Kit and import domain types and core only.',
      from: { path: views },
      to: { path: `${commands}|${transports}|${root}|${main}|${adapters}` },
    },
    {
      name: 'domain-not-to-views',
      severity: 'error',
      comment:
        'domain -> core: rendering is a port the area declares; views implement it, the root wires it.',
      from: { path: domain, pathNot: root },
      to: { path: views },
    },
    {
      name: 'domain-not-to-commands-or-transports',
      severity: 'error',
      comment: 'commands -> domain: an area does not import commands, transports or the wiring.',
      from: { path: domain },
      to: { path: `${commands}|${transports}|${main}|^src/(app|build-services|bot-options|services)\\.ts$` },
    },
    {
      name: 'domain-not-to-adapters',
      severity: 'error',
      comment:
        'domain -> core: areas declare ports; integrations/* and store/ implement them and are wired in the composition root (store/store.ts, the SQL port, type-only).',
      from: { path: domain, pathNot: root },
      to: { path: adapters, pathNot: storePort },
    },
    {
      name: 'domain-store-port-type-only',
      severity: 'error',
      comment: 'domain -> core: the SQL port store/store.ts is imported for its types only.',
      from: { path: `${domain}|${transports}` },
      to: { path: storePort, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'kernel-not-to-areas',
      severity: 'error',
      comment:
        'core/config/observability are the bottom: they import nothing but each other (core: nothing but core).',
      from: { path: kernel },
      to: { path: '^(src|commands)/', pathNot: kernel },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'core is the command model, errors and ports: it imports nothing outside core.',
      from: { path: core },
      to: { path: '^(src|commands)/', pathNot: core },
    },
    {
      name: 'adapters-not-to-upper-layers',
      severity: 'error',
      comment:
        'integrations/* and store/ implement ports: they import domain types and core, not commands, views or transports.',
      from: { path: adapters, pathNot: root },
      to: { path: `${commands}|${views}|${main}|^src/(app|build-services|bot-options|services)\\.ts$` },
    },
  ],
  options: {
    // Type-only imports count: the layering is about what a file knows, not what it runs.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data)/' },
    reporterOptions: {
      archi: { collapsePattern: '^(src/[^/]+|commands|test|bench|scripts)/' },
    },
  },
};
