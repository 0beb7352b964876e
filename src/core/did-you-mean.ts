import { distance } from 'fastest-levenshtein';

/**
 * How many edits a typo may be from the name it meant: one for short words, where two edits
 * already reach other commands (`help` → `helm`), more for longer ones.
 */
function tolerance(typed: string): number {
  if (typed.length <= 4) return 1;
  return typed.length <= 8 ? 2 : 3;
}

/**
 * The names `typed` most likely meant (at most `max`): the closest of the names within a few edits
 * or that it is the start of (`inc` → `incident`); only the closest, so `helth` suggests `health`
 * and not also `help`, two edits away. Case does not matter.
 */
export function closestNames(typed: string, names: readonly string[], max = 3): string[] {
  const word = typed.toLowerCase();
  if (word === '') return [];
  const scored = names
    .map((name) => {
      const candidate = name.toLowerCase();
      const edits = distance(word, candidate);
      const prefix = word.length >= 2 && candidate.startsWith(word);
      return { name, score: prefix ? Math.min(edits, 0.5) : edits };
    })
    .filter((s) => s.score <= tolerance(word) && s.name.toLowerCase() !== word)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  const best = scored[0]?.score;
  return scored
    .filter((s) => s.score === best)
    .slice(0, max)
    .map((s) => s.name);
}

/** " Did you mean `health`?" (or "`a` or `b`?"), or '' when nothing is close; for usage messages. */
export function didYouMean(
  typed: string,
  names: readonly string[],
  quote = (n: string) => `\`${n}\``,
): string {
  const close = closestNames(typed, names);
  if (close.length === 0) return '';
  const listed =
    close.length === 1
      ? quote(close[0]!)
      : `${close.slice(0, -1).map(quote).join(', ')} or ${quote(close.at(-1)!)}`;
  return ` Did you mean ${listed}?`;
}
