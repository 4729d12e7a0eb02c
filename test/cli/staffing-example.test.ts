import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('examples/staffing.ts', () => {
  it('prints the roster under "rostered", and the gap is rostered − to schedule', () => {
    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['examples/staffing.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    const rows = [
      ...output.matchAll(
        /^ {2}(\d\d):\d\d +\d+ calls +\d+ on the phones +(\d+) to schedule \(shrinkage\) +(\d+) rostered +\((short|spare) (\d+)\)$/gm,
      ),
    ];
    expect(rows.length).toBeGreaterThan(10);
    for (const [, hour, schedule, rostered, word, size] of rows) {
      // The example's roster: 5 agents from 08:00 to 20:00, none at night.
      expect(Number(rostered)).toBe(Number(hour) >= 8 && Number(hour) < 20 ? 5 : 0);
      const gap = word === 'short' ? -Number(size) : Number(size);
      expect(gap).toBe(Number(rostered) - Number(schedule));
    }
  }, 60_000); // runs the example as a user would: tsx startup plus a 2 000-ticket dataset
});
