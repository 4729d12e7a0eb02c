import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { npsCategory } from '../../src/automations/index.js';
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
    // Adjusted-Wald interval: n' = 5 + 3 = 8, p' = d' = (2 + 0.75) / 8 = 0.34375, centre 0,
    // se' = 100·√((0.6875 − 0) / 8) = 29.32, × 1.96 = 57.5.
    expect(stdout).toBe(
      'NPS 0.0 (95% interval -57.5 … 57.5), n = 5: 2 promoters, 1 passives, 2 detractors (7 rows, 2 blank)\n',
    );
  });

  it('prints the library’s interval, not a ± margin that contradicts it (two promoters)', async () => {
    // Wald margin: p = 1, d = 0 → p + d − (p − d)² = 0 → "± 0.0", yet the interval is wide.
    // Adjusted Wald: n' = 5, p' = 2.75 / 5 = 0.55, d' = 0.75 / 5 = 0.15, centre 40,
    // se' = 100·√((0.7 − 0.16) / 5) = 32.86, × 1.96 = 64.4 → −24.4 … 104.4, clamped to 100.
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-nps-'));
    writeFileSync(join(dir, 'two.csv'), 'score\n10\n9\n');
    const { stdout } = await runCli(['nps', 'two.csv', '--column', 'score'], { cwd: dir });
    expect(stdout).toBe(
      'NPS 100.0 (95% interval -24.4 … 100.0), n = 2: 2 promoters, 0 passives, 0 detractors (2 rows, 0 blank)\n',
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

  it('reads answers as the automation helpers do: labelled, in words, stars (issue 29)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-labels-'));
    // An Italian survey export: the label after the score, as the survey tool writes it.
    writeFileSync(
      join(dir, 'it.csv'),
      'risposta;voto;facilità;soddisfazione\n' +
        '1;10 - estremamente probabile;7 - molto facile;Molto soddisfatto\n' +
        '2;3 - per niente;2/7;Insoddisfatto\n' +
        '3;8;6;★★★★\n' +
        '4;9.0;5 - abbastanza;8/10\n',
    );
    const run = async (kind: string, column: string) => {
      const { code, stdout, stderr } = await runCli([kind, 'it.csv', '--column', column, '--json'], {
        cwd: dir,
      });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      return JSON.parse(stdout);
    };
    for (const answer of ['10 - estremamente probabile', '3 - per niente', '8'])
      expect(npsCategory(answer).score).toBeTypeOf('number');
    expect((await run('nps', 'voto')).result).toEqual(JSON.parse(JSON.stringify(nps([10, 3, 8, 9]))));
    expect((await run('ces', 'facilità')).result).toEqual(ces([7, 2, 6, 5]));
    // Words and 8/10 are good or bad; stars are a rating 1..5, so --threshold applies to them.
    expect((await run('csat', 'soddisfazione')).result).toEqual(csat(['good', 'bad', 4, 'good']));
    // A cell that is not a short answer is a bad cell at once (the helpers' label patterns are not linear).
    writeFileSync(join(dir, 'long.csv'), `voto\n9${' '.repeat(200_000)}x\n`);
    const long = await runCli(['nps', 'long.csv', '--column', 'voto'], { cwd: dir });
    expect(long.stderr).toContain('long.csv line 2, column "voto": expected an integer 0..10');
    const bad = await runCli(['nps', 'it.csv', '--column', 'soddisfazione'], { cwd: dir });
    expect(bad.stderr).toBe(
      'supportkit: it.csv line 2, column "soddisfazione": expected an integer 0..10\n' +
        'hint: fix the cell, or --lenient to skip and count bad cells\n',
    );
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

  describe('CSV reading', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'supportkit-csv-'));
    });
    const json = async (file: string, content: string, extra: string[] = []) => {
      writeFileSync(join(dir, file), content);
      return runCli(['nps', file, '--column', 'score', '--json', ...extra], { cwd: dir });
    };

    it('detects a semicolon or tab delimiter from the header; --delimiter overrides', async () => {
      const semi = await json('semi.csv', 'id;score\n1;9\n2;10\n3;3\n');
      // 2 promoters (9, 10), 1 detractor (3) of 3: (2 − 1) / 3 = 33.3…
      expect(JSON.parse(semi.stdout)).toMatchObject({ rows: 3, result: { promoters: 2, detractors: 1 } });
      const tab = await json('tab.csv', 'id\tscore\n1\t9\n');
      expect(JSON.parse(tab.stdout)).toMatchObject({ rows: 1, result: { promoters: 1 } });
      // A pipe file where the comma count in the header wins is read as asked.
      const pipe = await json('pipe.csv', 'id|score|a,b,c\n1|9|x\n', ['--delimiter', '|']);
      expect(JSON.parse(pipe.stdout)).toMatchObject({ rows: 1, result: { promoters: 1 } });
      expect((await json('bad.csv', 'score\n9\n', ['--delimiter', ';;'])).code).toBe(2);
    });

    it('a blank line in a one-column file is a blank answer; in a wider file it is skipped', async () => {
      const one = await json('one.csv', 'score\n9\n10\n\n3\n');
      expect(JSON.parse(one.stdout)).toMatchObject({ rows: 4, blank: 1 });
      const two = await json('two.csv', 'id,score\n1,9\n\n2,3\n');
      expect(JSON.parse(two.stdout)).toMatchObject({ rows: 2, blank: 0 });
    });

    it('a header naming a column twice is an ambiguous column, not the last one silently', async () => {
      const run = await json('dup.csv', 'score,score\n1,9\n');
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stderr).error.message).toBe(
        'dup.csv has an ambiguous column: "score" is in its header twice',
      );
    });
  });
});
