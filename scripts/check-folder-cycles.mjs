// Folder-level import cycles, which dependency-cruiser's `no-circular` (per file) does not see: the
// graph collapsed to folders exactly as `npm run layers` draws it (docs/layers.mmd), then its
// strongly connected components (Tarjan). Any component of two or more folders fails lint.
import { execFileSync } from 'node:child_process';

const COLLAPSE = '^(src/(integrations/)?[^/]+|commands)/';
const json = execFileSync(
  process.execPath,
  [
    new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url).pathname,
    'src',
    'commands',
    '--include-only',
    '^(src|commands)/',
    '--collapse',
    COLLAPSE,
    '--output-type',
    'json',
  ],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: new URL('..', import.meta.url).pathname },
);
const edges = new Map();
for (const module of JSON.parse(json).modules) {
  const to = module.dependencies.map((d) => d.resolved).filter((d) => d !== module.source);
  edges.set(module.source, new Set(to));
}

const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let next = 0;
function visit(v) {
  index.set(v, next);
  low.set(v, next++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1) cycles.push(component.sort());
}
for (const v of edges.keys()) if (!index.has(v)) visit(v);

if (cycles.length > 0) {
  console.error('error no-folder-cycle: folders that import each other (docs/architecture.md#layers):');
  for (const c of cycles) console.error(`  ${c.join(' ↔ ')}`);
  console.error(
    'Move the shared type to the lower layer, or build the dependent part in the composition root.',
  );
  process.exit(1);
}
console.log(`✔ no folder-level import cycle (${edges.size} folders)`);
