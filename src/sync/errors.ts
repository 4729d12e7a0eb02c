import { SupportkitError } from '../errors/base.js';

/**
 * Another sync holds the output: its lock file exists and is fresh. Two writers on one JSONL file would
 * interleave their batches and duplicate every record, so the second one stops before reading or writing
 * anything. A lock left behind by a killed process is taken over once it is older than its staleness window
 * (`lockStaleMs` of {@link jsonlFileSink}); retry after that, or when the other sync has finished.
 *
 * @example
 * ```ts
 * import { jsonlFileSink, OutputLockedError } from 'supportkit-ts/sync';
 * try {
 *   const sink = jsonlFileSink('changes.jsonl');
 * } catch (error) {
 *   if (error instanceof OutputLockedError) console.error(`busy: ${error.lockPath} is held by another sync`);
 * }
 * ```
 */
export class OutputLockedError extends SupportkitError {
  /** The output file another sync is writing. */
  readonly path: string;
  /** The lock held on it (a directory beside the output). */
  readonly lockPath: string;

  constructor(path: string, lockPath: string, cause?: unknown) {
    super(`The sync output ${path} is locked by another sync (lock: ${lockPath})`, {
      code: 'output_locked',
      cause,
    });
    this.path = path;
    this.lockPath = lockPath;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), path: this.path, lockPath: this.lockPath };
  }
}
