/**
 * Where the command reads and writes: the process in the bin, strings in tests. Nothing under src/cli writes to
 * `process.stdout` directly; every command gets one of these.
 */

/** A text stream: stdout or stderr. */
export interface CliStream {
  write(text: string): void;
  /** True for a terminal: progress bars and colour are for terminals only. */
  readonly isTTY?: boolean;
}

/** What a command sees of the outside world. */
export interface CliIo {
  /** Results (and only results). */
  stdout: CliStream;
  /** Logs, progress, warnings and errors. */
  stderr: CliStream;
  /** Environment variables (credentials, NO_COLOR). */
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths resolve against this. */
  cwd: string;
  /** Aborted on Ctrl-C, for a command that said it stops cleanly ({@link CliIo.stopCleanlyOnInterrupt}). */
  signal?: AbortSignal;
  /**
   * A command that can stop cleanly (sync: after the current batch) calls this; then the first Ctrl-C aborts
   * `signal` instead of ending the process at once (a second one still does).
   */
  stopCleanlyOnInterrupt?: () => void;
}

/**
 * The io of the real process. Ctrl-C ends it with exit code 130, unless the command asked to stop cleanly: then
 * the first Ctrl-C aborts the signal and a second one exits at once.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), processIo());
 * ```
 */
export function processIo(): CliIo {
  const controller = new AbortController();
  let clean = false;
  process.on('SIGINT', () => {
    if (!clean || controller.signal.aborted) process.exit(130);
    controller.abort();
  });
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    stopCleanlyOnInterrupt: () => {
      clean = true;
    },
  };
}

/**
 * Colour only on a terminal, and never with NO_COLOR set (https://no-color.org) or `--no-color`.
 *
 * @example
 * ```ts
 * const paint = painter(io.stderr, io.env, false);
 * io.stderr.write(`${paint.red('error')}: …`);
 * ```
 */
export function painter(stream: CliStream, env: CliIo['env'], noColor: boolean) {
  const on = stream.isTTY === true && !noColor && (env.NO_COLOR ?? '') === '';
  const wrap = (code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { red: wrap(31), yellow: wrap(33), dim: wrap(2), bold: wrap(1), on };
}
