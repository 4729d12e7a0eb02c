import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const firstLine = (text: string) => text.split('\n')[0];

describe('bad option values are usage errors (exit 2) in the CLI’s words', () => {
  it('report --country XX names --country, not holidaysFor()', async () => {
    const run = await runCli(['report', 'nps.csv', '--country', 'XX'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(
      'supportkit: --country XX is not a country with a public-holiday calendar',
    );
  });

  it('csat and ces --threshold out of the scale name the scale, not csat() options', async () => {
    const csat = await runCli(['csat', 'ratings.csv', '--column', 'rating', '--threshold', '9'], {
      cwd: fixtures,
    });
    expect(csat.code).toBe(2);
    expect(firstLine(csat.stderr)).toBe('supportkit: --threshold must be an integer 1..5');
    const ces = await runCli(['ces', 'ratings.csv', '--column', 'effort', '--threshold', '0'], {
      cwd: fixtures,
    });
    expect(ces.code).toBe(2);
    expect(firstLine(ces.stderr)).toBe('supportkit: --threshold must be an integer 1..7');
  });

  it('demo --tickets -5 says what --tickets must be, not parseArgs’ "ambiguous"', async () => {
    const run = await runCli(['demo', '--tickets', '-5'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe('supportkit: --tickets must be a whole number 1..1000000');
  });

  it('an empty --tz is an error, not silently UTC', async () => {
    const run = await runCli(['report', 'nps.csv', '--tz', ''], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe('supportkit: --tz is empty: give it a value or leave it out');
  });
});
