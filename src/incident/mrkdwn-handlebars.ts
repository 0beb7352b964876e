import Handlebars from 'handlebars';
import { Mrkdwn, renderText } from '../core/mrkdwn.js';

type Node = { type: string; [key: string]: unknown };
type Compiled = (model: object) => string;

/** A name no template can mean as a field: the helper every output expression is routed through. */
const ESCAPE = '__mrkdwn';

/**
 * Compiles a template whose output is Slack mrkdwn. Handlebars' own escaping is for HTML (it
 * would turn `'` into `&#x27;`, which Slack shows as such) and cannot be swapped per instance, so
 * it is off, and instead every `{{x}}` — and `{{{x}}}`, which must not be a way around it — is
 * rewritten to `{{__mrkdwn x}}`: a plain string in the view model is escaped for mrkdwn, a
 * `Mrkdwn` value (a mention, a channel link we built) is put in as is. The model decides.
 */
export function compileMrkdwn(source: string): Compiled {
  const hbs = Handlebars.create();
  hbs.registerHelper(ESCAPE, (value: unknown) =>
    value instanceof Mrkdwn
      ? value.source
      : renderText(value === undefined || value === null ? '' : String(value)),
  );
  const ast = Handlebars.parse(source) as unknown as Node;
  routeOutput(ast);
  return hbs.compile(ast as unknown as hbs.AST.Program, { strict: true, noEscape: true });
}

function routeOutput(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) routeOutput(child);
    return;
  }
  const n = node as Node;
  if (n.type === 'MustacheStatement') {
    wrap(n);
    return;
  }
  if (n.type === 'BlockStatement') {
    routeOutput(n.program);
    routeOutput(n.inverse);
    return;
  }
  if (n.type === 'Program') routeOutput(n.body);
}

/** `{{x}}` → `{{__mrkdwn x}}`, `{{helper a b}}` → `{{__mrkdwn (helper a b)}}`. */
function wrap(mustache: Node): void {
  const { path, params, hash, loc } = mustache as unknown as {
    path: Node;
    params: Node[];
    hash?: Node;
    loc: unknown;
  };
  const value = params.length > 0 || hash ? { type: 'SubExpression', path, params, hash, loc } : path;
  mustache.path = { type: 'PathExpression', data: false, depth: 0, parts: [ESCAPE], original: ESCAPE, loc };
  mustache.params = [value];
  mustache.hash = undefined;
}
