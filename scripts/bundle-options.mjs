// How the build makes dist/: the entry points bundled by esbuild into ES modules, with the code
// they share split into chunks beside them, so a module imported on demand (`check`, the console,
// an integration) is still loaded only then. Loading a few of 30 files instead of up to 1,539
// modules, each resolved, read and compiled on its own by Node's loader, takes about a third off a
// warm start (docs/benchmarks.md, "One bundle"). Without splitting, one file per entry, it took
// nothing off when measured.
//
// With splitting, `await import()` of a bundled CommonJS package yields only its default export:
// import such a package statically in a module of ours, and import that module on demand
// (src/slack/web-client.ts). The bundle test fails on any chunk that is only such a default.

/** The bundler, relative to the project root: a native executable once installed. */
export const ESBUILD = 'node_modules/esbuild/bin/esbuild';

/** The built files: the bot, its ingress thread (started beside it), and the build's own tools. */
export const ENTRY_POINTS = [
  'src/main.ts',
  'src/ingress/ingress-worker.ts',
  'src/store/pglite-template.ts',
  'src/store/build-pglite-template.ts',
];

/**
 * Packages left to Node's loader, each for a reason:
 * - they find files beside their own: PGlite its WASM and data, pino its transport threads,
 *   node-cron its daemon, ioredis its package.json, @napi-rs/canvas its native addon;
 * - they load on first use, when configured: a bundle would pay to parse them at every start;
 * - pg-native is pg's optional addon (pg asks for it, and goes on without it).
 */
export const EXTERNAL = [
  '@electric-sql/pglite',
  '@napi-rs/canvas',
  'pino',
  'thread-stream',
  'node-cron',
  'ioredis',
  '@kubernetes/client-node',
  '@pagerduty/pdjs',
  'chart.js',
  'pg-native',
];

/**
 * Bundled CommonJS packages call `require` for Node's own modules; an ES module has none, so each
 * bundle makes one for itself.
 */
const REQUIRE_BANNER =
  "import { createRequire as __bersCreateRequire } from 'node:module'; const require = __bersCreateRequire(import.meta.url);";

/** The esbuild command line for `entryPoints` into `outdir`. */
export function esbuildArgs(outdir, entryPoints = ENTRY_POINTS) {
  return [
    ...entryPoints,
    '--bundle',
    '--splitting',
    '--format=esm',
    '--platform=node',
    '--target=node20',
    `--outdir=${outdir}`,
    '--entry-names=[name]',
    '--sourcemap',
    // Whitespace and comments out, identifiers kept (stack traces name our functions); the source
    // maps beside map the rest. V8 keeps every module's source text for the life of the process,
    // and one non-Latin-1 character in a comment ("—") stores a whole chunk two bytes per character.
    '--minify-whitespace',
    '--minify-syntax',
    '--log-level=warning',
    `--banner:js=${REQUIRE_BANNER}`,
    ...EXTERNAL.map((name) => `--external:${name}`),
  ];
}
