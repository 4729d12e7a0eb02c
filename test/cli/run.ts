import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process with string streams; what a user would see on each stream, and the exit code. */
export async function runCli(
  argv: string[],
  options: { env?: Record<string, string>; cwd?: string; signal?: AbortSignal; tty?: boolean } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: {
      write: (text) => {
        stdout += text;
      },
      isTTY: options.tty ?? false,
    },
    stderr: {
      write: (text) => {
        stderr += text;
      },
      isTTY: options.tty ?? false,
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout, stderr };
}
