import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ces, csat, nps } from '../../src/metrics/index.js';
import { runCli } from './run.js';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('supportkit nps|csat|ces', () => {
  it('blank cells are missing, not detractors', async () => {
    // Scores 10, 9, 0, 7, 6 (r3 and r6 blank): 2 promoters, 1 passive, 2 detractors of n = 5 → NPS 0.
    // Read as Number(''), the two blanks would be two more detractors: (2 − 4) / 7 = −28.6.
    const { code, stdout, stderr } = await runCli(['nps', 'nps.csv', '--column', 'score'], { cwd: fixtures });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^NPS 0\.0 ± \d+\.\d \(95%, interval -?\d+\.\d … \d+\.\d\), n = 5: 2 promoters, 1 passives, 2 detractors \(7 rows, 2 blank\)\n$/,
    );
  });

  it('--json is the library’s own result, with the row accounting', async () => {
    const { stdout } = await runCli(['nps', 'nps.csv', '--column', 'score', '--json'], { cwd: fixtures });
    const output = JSON.parse(stdout);
    expect(output.result).toEqual(JSON.parse(JSON.stringify(nps([10, 9, 0, 7, 6]))));
    expect(output).toMatchObject({ rows: 7, blank: 2, bad: [], column: 'score' });
  });

  it('strict: the first bad cell stops with its line and column, never its content', async () => {
    const { code, stdout, stderr } = await runCli(['nps', 'nps-bad.csv', '--column', 'score'], {
      cwd: fixtures,
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'supportkit: nps-bad.csv line 3, column "score": expected an integer 0..10\n' +
        'hint: fix the cell, or --lenient to skip and count bad cells\n',
    );
    expect(stderr).not.toContain('secret');
  });

  it('lenient: bad cells are skipped, counted and listed on stderr', async () => {
    const { code, stdout, stderr } = await runCli(
      ['nps', 'nps-bad.csv', '--column', 'score', '--lenient', '--json'],
      {
        cwd: fixtures,
      },
    );
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.bad).toEqual([
      { line: 3, column: 'score', message: 'expected an integer 0..10' },
      { line: 4, column: 'score', message: 'expected an integer 0..10' },
    ]);
    expect(output.result).toEqual(JSON.parse(JSON.stringify(nps([10, 3]))));
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(stderr).not.toContain('secret');
  });

  it('csat takes good/bad and 1..5 with a threshold; ces takes 1..7', async () => {
    const csatRun = await runCli(
      ['csat', 'ratings.csv', '--column', 'rating', '--json', '--threshold', '5'],
      {
        cwd: fixtures,
      },
    );
    expect(JSON.parse(csatRun.stdout).result).toEqual(csat(['good', 5, 4, 'bad'], { threshold: 5 }));
    const cesRun = await runCli(['ces', 'ratings.csv', '--column', 'effort', '--json'], { cwd: fixtures });
    expect(JSON.parse(cesRun.stdout).result).toEqual(ces([7, 2, 5]));
  });

  it('a missing column lists the columns there are; a missing file or --column is an error', async () => {
    const column = await runCli(['nps', 'nps.csv', '--column', 'Score'], { cwd: fixtures });
    expect(column.code).toBe(1);
    expect(column.stderr).toContain('no column "Score" in nps.csv');
    expect(column.stderr).toContain('"response_id", "customer", "score", "submitted_at"');
    expect((await runCli(['nps', 'nps.csv'], { cwd: fixtures })).code).toBe(2);
    expect((await runCli(['nps', '--column', 'score'], { cwd: fixtures })).code).toBe(2);
  });

  it('a CSV with a ragged row names the line', async () => {
    const { code, stderr } = await runCli(['nps', 'ragged.csv', '--column', 'score'], { cwd: fixtures });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ragged\.csv is not valid CSV at line 3/);
  });
});
