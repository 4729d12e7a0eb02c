import type { CliIo } from '../io.js';
import { stderrBar } from '../progress.js';

/**
 * The import's progress on stderr: on a terminal a bar (rows read of all, bad rows so far); elsewhere (a log
 * file, CI) a plain line at most every two seconds, so a short import prints none.
 *
 * @example
 * ```ts
 * const progress = importProgress(io, rows.length);
 * progress.update(1000, 0);
 * progress.stop();
 * ```
 */
export function importProgress(io: CliIo, total: number) {
  const bar = stderrBar(io, 'import | {bar} | {value}/{total} rows | {bad} bad | {eta_formatted} left');
  bar?.start(total, 0, { bad: 0 });
  const started = Date.now();
  let lastLine = started;
  return {
    update(rows: number, bad: number) {
      if (bar) bar.update(rows, { bad });
      else if (Date.now() - lastLine >= 2000) {
        lastLine = Date.now();
        io.stderr.write(`import: ${rows}/${total} rows, ${bad} bad\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
