import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { invalidArgument, invalidOption } from '../errors/validation.js';
import { OutputLockedError } from './errors.js';
import { reviveLine } from './jsonl-reader.js';
import { recordKey, type SyncSink } from './sink.js';

/**
 * Options of {@link jsonlFileSink}.
 *
 * @example
 * ```ts
 * const options: JsonlFileSinkOptions = { lockStaleMs: 30_000 }; // a slow network drive
 * const sink = jsonlFileSink('changes.jsonl', options);
 * ```
 */
export interface JsonlFileSinkOptions {
  /**
   * How old (ms) the output's lock must be before it counts as left behind by a crashed process and is taken
   * over. The holder refreshes it every half of this, so a live sync never looks stale. At least 2000.
   * @default 10000
   */
  lockStaleMs?: number;
}

/**
 * A JSONL file sink: one `{ kind, value }` record per line, appended and fsynced before `write` resolves, so a
 * checkpoint saved after it never points past what is on disk. On open it drops a half-written last line (a
 * process killed mid-write) and remembers the versions already in the file, so records re-sent after a restart
 * from an older checkpoint are not written twice.
 *
 * It holds an exclusive lock on the file (a `<file>.lock` directory) from open until `close`: a second sink on
 * the same file, in this process or another, throws {@link OutputLockedError} instead of interleaving its
 * records. A lock left by a killed process is taken over once older than `lockStaleMs`. A complete line in the
 * existing file that is not a record throws ValidationError naming the file and line, never the content.
 *
 * @example
 * ```ts
 * import { checkpointFile, jsonlFileSink, sync } from 'supportkit-ts/sync';
 * const saved = checkpointFile('tickets.checkpoint.json');
 * const sink = jsonlFileSink('tickets.jsonl');
 * try {
 *   await sync(helpdesk, { sink, checkpoint: saved.load(), onCheckpoint: saved.save });
 * } finally {
 *   await sink.close();
 * }
 * ```
 */
export function jsonlFileSink(
  path: string,
  options: JsonlFileSinkOptions = {},
): SyncSink & {
  readonly written: number;
  readonly writtenByKind: Readonly<Record<string, number>>;
  close(): Promise<void>;
} {
  if (typeof path !== 'string' || path === '')
    throw invalidArgument('jsonlFileSink()', 'path', 'expected the path of the JSONL output file');
  if (typeof options !== 'object' || options === null)
    throw invalidOption('jsonlFileSink', '', 'must be an object');
  const stale = options.lockStaleMs ?? 10_000;
  if (!Number.isFinite(stale) || stale < 2000)
    throw invalidOption('jsonlFileSink', 'lockStaleMs', 'must be a number ≥ 2000');
  // Absolute, so that two spellings of one file share one lock.
  const file = resolve(path);
  const lockPath = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true }); // a new output folder, as `supportkit sync --out` makes one
  let compromised: Error | undefined;
  let release: () => void;
  try {
    release = lockfile.lockSync(file, {
      lockfilePath: lockPath,
      realpath: false, // the output may not exist yet
      stale,
      // Someone took the lock over (this process stalled past the staleness window): stop writing.
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new OutputLockedError(file, lockPath);
    throw error;
  }
  const seen = new Set<string>();
  let fd: number;
  try {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      const complete = text.lastIndexOf('\n') + 1;
      if (complete < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, complete)));
      let line = 0;
      for (const content of text.slice(0, complete).split('\n')) {
        line++;
        if (content !== '') seen.add(recordKey(reviveLine(content, line, file)));
      }
    }
    fd = openSync(file, 'a');
  } catch (error) {
    release();
    throw error;
  }
  let written = 0;
  const byKind = new Map<string, number>();
  let closed = false;
  return {
    /** Records this sink appended (versions already in the file are not counted). */
    get written() {
      return written;
    },
    /** {@link written}, by record kind: `{ tickets: 120, customers: 80, agents: 5 }`. */
    get writtenByKind() {
      return Object.fromEntries(byKind);
    },
    async write(records) {
      if (closed) throw new Error(`jsonlFileSink: ${file} is closed`);
      if (compromised) throw new OutputLockedError(file, lockPath, compromised);
      let chunk = '';
      for (const record of records) {
        const key = recordKey(record);
        if (seen.has(key)) continue;
        seen.add(key);
        chunk += `${JSON.stringify(record)}\n`;
        written++;
        byKind.set(record.kind, (byKind.get(record.kind) ?? 0) + 1);
      }
      if (chunk !== '') {
        writeSync(fd, chunk);
        fsyncSync(fd);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      if (!compromised) release();
    },
  };
}
