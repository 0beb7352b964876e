import Handlebars from 'handlebars';

type Node = { type: string; [key: string]: unknown };
type PathNode = {
  type: 'PathExpression';
  head?: unknown;
  parts: string[];
  depth: number;
  data: boolean;
  original: string;
};

const SCOPE_HELPERS = new Set(['each', 'with']);

/**
 * Fields a template uses that its view model lacks. Handlebars' strict mode only catches plain
 * `{{field}}` at render time; this also checks helper arguments (`{{#if field}}`) and the item
 * fields inside `{{#each list}}`, against the sample model.
 */
export function unknownFields(source: string, model: object): string[] {
  const unknown = new Set<string>();
  visit(Handlebars.parse(source) as unknown as Node, [model], unknown);
  return [...unknown];
}

function visit(node: Node | undefined, scopes: unknown[], unknown: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  if (node.type === 'PathExpression') {
    checkPath(node as unknown as PathNode, scopes, unknown);
    return;
  }
  if (node.type === 'BlockStatement') {
    const path = node.path as PathNode;
    const params = (node.params as Node[]) ?? [];
    for (const p of params) visit(p, scopes, unknown);
    visit(node.hash as Node, scopes, unknown);
    let inner = scopes;
    if (SCOPE_HELPERS.has(path.original) && params[0]?.type === 'PathExpression') {
      const value = lookup(scopes[0], (params[0] as unknown as PathNode).parts);
      inner = [path.original === 'each' && Array.isArray(value) ? value[0] : value, ...scopes];
    }
    visit(node.program as Node, inner, unknown);
    visit(node.inverse as Node, scopes, unknown);
    return;
  }
  if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
    const params = (node.params as Node[]) ?? [];
    // A helper call's name is not a field; a bare `{{field}}` is.
    if (params.length === 0) visit(node.path as Node, scopes, unknown);
    for (const p of params) visit(p, scopes, unknown);
    visit(node.hash as Node, scopes, unknown);
    return;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) visit(v as Node, scopes, unknown);
    else if (value && typeof value === 'object' && 'type' in value) visit(value as Node, scopes, unknown);
  }
}

function checkPath(path: PathNode, scopes: unknown[], unknown: Set<string>): void {
  if (path.data || path.parts.length === 0) return;
  const scope = scopes[Math.min(path.depth, scopes.length - 1)];
  if (scope === undefined || scope === null || typeof scope !== 'object') return;
  if (lookup(scope, path.parts) === undefined) unknown.add(path.original);
}

function lookup(scope: unknown, parts: string[]): unknown {
  let value = scope;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !(part in value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
