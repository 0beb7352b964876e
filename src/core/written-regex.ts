/**
 * Config values that are literal text unless written `/…/`. The runtime matchers and the config
 * validation both compile through here, so what validates is exactly what runs.
 */

/** A route's label value: `/expr/` must match the whole label value; undefined for literal text. */
export function labelPattern(text: string): RegExp | undefined {
  const regex = /^\/(.+)\/$/.exec(text);
  return regex ? new RegExp(`^(?:${regex[1]})$`) : undefined;
}

/** A check's body match: `/expr/flags` must match somewhere in the body; undefined for literal text. */
export function bodyPattern(text: string): RegExp | undefined {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  return regex ? new RegExp(regex[1]!, regex[2]) : undefined;
}
