/**
 * Splits command text into arguments. Double or single quotes group words
 * (`note "db is back"`); Slack's smart quotes count too. Control characters are dropped so
 * garbage input can never reach a terminal or a log line as escape sequences.
 */
export function tokenize(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/[\u201c\u201d]/g, '"');
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of clean.matchAll(pattern)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return tokens;
}
