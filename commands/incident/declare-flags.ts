/** A declare's words split into its title and the flags that say what is already known. */
export interface DeclareWords {
  severity?: string;
  title: string[];
  services: string[];
  impact?: string;
  /** The `--commander` token as typed (a mention, or `none`). */
  commander?: string;
  isPrivate: boolean;
}

const VALUE_FLAGS: Record<string, 'service' | 'impact' | 'commander'> = {
  '--service': 'service',
  '--services': 'service',
  '--impact': 'impact',
  '--commander': 'commander',
  '--ic': 'commander',
};

/**
 * `P1 checkout failing --service unjucks-api --impact "EU checkout 500s" --commander @ada`: flags
 * may come anywhere after the severity; `--service` repeats or takes a comma list; a value of
 * several words is quoted. A word starting with `--` that is no flag is refused rather than put in
 * the title, so a typo never becomes the incident's name. Returns a problem to show, or the parts.
 */
export function parseDeclareWords(tokens: readonly string[]): DeclareWords | string {
  const words: DeclareWords = { title: [], services: [], isPrivate: false };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const [name = '', inline] = token.startsWith('--') ? splitInline(token.toLowerCase(), token) : [''];
    if (!name) {
      if (words.severity === undefined) words.severity = token;
      else words.title.push(token);
      continue;
    }
    if (name === '--private') {
      words.isPrivate = true;
      continue;
    }
    const flag = VALUE_FLAGS[name];
    if (!flag)
      return `\`${name.slice(0, 30)}\` is not a declare option; use --service, --impact, --commander or --private (quote a title that starts with --).`;
    const value = inline ?? tokens[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      return `\`${name}\` needs a value, e.g. \`${name} ${EXAMPLE[flag]}\`.`;
    if (flag === 'service')
      words.services.push(
        ...value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else if (flag === 'impact') words.impact = value;
    else words.commander = value;
  }
  return words;
}

const EXAMPLE = { service: 'unjucks-api', impact: '"EU checkout 500s"', commander: '@ada' } as const;

/** `--service=a,b` as well as `--service a,b`. */
function splitInline(lower: string, token: string): [string, string | undefined] {
  const eq = lower.indexOf('=');
  return eq < 0 ? [lower, undefined] : [lower.slice(0, eq), token.slice(eq + 1)];
}
