/**
 * `page N` at the end of a listing's arguments: which page of a long answer to show (1 when
 * absent). Returns the other tokens untouched, for the command's own parsing.
 */
export function splitPageArg(
  tokens: readonly string[],
): { rest: string[]; page: number } | { error: string } {
  const at = tokens.findIndex((t) => t.toLowerCase() === 'page');
  if (at < 0) return { rest: [...tokens], page: 1 };
  const value = tokens[at + 1];
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) < 1 || at + 2 !== tokens.length)
    return { error: '`page` ends the arguments and takes a number from 1, e.g. `page 2`' };
  return { rest: tokens.slice(0, at), page: Number(value) };
}
