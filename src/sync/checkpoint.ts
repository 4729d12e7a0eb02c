import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Checkpoint } from '../adapters/contract.js';
import { invalidArgument, ValidationError, type ValidationIssue } from '../errors/validation.js';

/**
 * The problems of a value that should be a checkpoint, with paths under `root`; none = it is one. Only own
 * properties count: a `__proto__` key in parsed JSON must not lend the checkpoint an inherited cursor. Messages
 * say what is wrong, never the value (a cursor may embed vendor data). Internal to supportkit-ts/sync.
 *
 * @example
 * ```ts
 * checkpointIssues({ adapter: 'memory' }, ['checkpoint']);
 * // [{ path: ['checkpoint', 'cursor'], code: 'invalid_type', message: 'expected a string' }]
 * ```
 */
export function checkpointIssues(
  value: unknown,
  root: ReadonlyArray<string | number> = [],
): ValidationIssue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [{ path: root, code: 'invalid_type', message: 'expected a checkpoint { adapter, cursor }' }];
  const issues: ValidationIssue[] = [];
  for (const field of ['adapter', 'cursor'] as const) {
    const own = Object.hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
    if (typeof own !== 'string')
      issues.push({ path: [...root, field], code: 'invalid_type', message: 'expected a string' });
    else if (field === 'adapter' && own === '')
      issues.push({ path: [...root, field], code: 'too_small', message: 'expected an adapter name' });
  }
  return issues;
}

/**
 * Where a checkpoint is kept between runs: {@link checkpointFile}.
 *
 * @example
 * ```ts
 * const saved: CheckpointFile = checkpointFile('changes.checkpoint.json');
 * const from = saved.load(); // null the first time
 * ```
 */
export interface CheckpointFile {
  /** The file, as an absolute path. */
  readonly path: string;
  /**
   * The saved checkpoint, or null when the file does not exist yet (the first run). A file that exists but is
   * not a checkpoint — empty, not JSON, no cursor — throws ValidationError naming the file and the field, never
   * its content: corrupt state is never a silent restart from the beginning.
   */
  load(): Checkpoint | null;
  /** Saves atomically: a temporary file, fsynced, renamed over the old one, so a crash leaves one or the other. */
  save(checkpoint: Checkpoint): void;
}

/**
 * A checkpoint kept in a JSON file, for {@link sync}'s `checkpoint` and `onCheckpoint`.
 *
 * @example
 * ```ts
 * import { checkpointFile, jsonlFileSink, sync } from 'supportkit-ts/sync';
 * const saved = checkpointFile('changes.checkpoint.json');
 * await sync(helpdesk, { sink: jsonlFileSink('changes.jsonl'), checkpoint: saved.load(), onCheckpoint: saved.save });
 * ```
 */
export function checkpointFile(path: string): CheckpointFile {
  if (typeof path !== 'string' || path === '')
    throw invalidArgument('checkpointFile()', 'path', 'expected the path of the checkpoint file');
  const file = resolve(path);
  const corrupt = (issues: ValidationIssue[]) => new ValidationError(`checkpoint file ${file}`, issues);
  return {
    path: file,
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw corrupt([{ path: [], code: 'custom', message: 'not JSON (empty or cut short?)' }]);
      }
      const issues = checkpointIssues(value);
      if (issues.length > 0) throw corrupt(issues);
      const { adapter, cursor } = value as Checkpoint;
      return { adapter, cursor };
    },
    save(checkpoint) {
      const issues = checkpointIssues(checkpoint);
      if (issues.length > 0) throw new ValidationError('checkpoint to save', issues);
      // Unique per save: two threads of one process must not share a temporary file.
      const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      mkdirSync(dirname(file), { recursive: true });
      const fd = openSync(temporary, 'w');
      try {
        writeSync(fd, JSON.stringify({ adapter: checkpoint.adapter, cursor: checkpoint.cursor }));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    },
  };
}
