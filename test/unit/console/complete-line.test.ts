import { describe, expect, it } from 'vitest';
import { commandDescriptions } from '../../../commands/index.js';
import { completeLine } from '../../../src/console/complete-line.js';

const source = {
  commands: commandDescriptions(),
  services: ['upload-bridge', 'unjucks-api', 'unjucks-db', 'ai-chat'],
  metrics: ['error-rate', 'p95-latency'],
};
const complete = (line: string) => completeLine(line, source);

describe('console Tab completion', () => {
  it('completes subcommands, with or without /bers', () => {
    expect(complete('/bers hea')).toEqual([['health'], 'hea']);
    expect(complete('he')).toEqual([['health', 'help'], 'he']);
    expect(complete('/bers inc')).toEqual([['incident'], 'inc']);
    expect(complete('cl')).toEqual([['click'], 'cl']);
  });

  it("completes a command's own subcommands", () => {
    expect(complete('/bers incident de')).toEqual([['declare'], 'de']);
    expect(complete('help incident res')[0]).toEqual(['resolve']);
    expect(complete('help incident re')[0]).toEqual(['reassign', 'resolve']);
  });

  it('completes service names where a command takes them, metric names for metrics', () => {
    expect(complete('/bers health unj')).toEqual([['unjucks-api', 'unjucks-db'], 'unj']);
    expect(complete('health upload-bridge u')).toEqual([['unjucks-api', 'unjucks-db', 'upload-bridge'], 'u']);
    expect(complete('restart ai')).toEqual([['ai-chat'], 'ai']);
    expect(complete('metrics er')).toEqual([['error-rate'], 'er']);
    expect(complete('help he')).toEqual([['health', 'help'], 'he']);
  });

  it('offers everything that may come next when nothing matches or nothing is typed yet', () => {
    const [all, word] = complete('/bers ');
    expect(word).toBe('');
    expect(all).toEqual(source.commands.map((c) => c.name).sort());
    expect(complete('health zz')[0]).toEqual([...source.services].sort());
    expect(complete('nosuch x')).toEqual([[], 'x']);
  });
});
