import cliProgress from 'cli-progress';
import type { HelpdeskEventBus, TransportEvent } from '../events/index.js';
import type { CliIo } from './io.js';

/** What the progress display shows: records and batches so far, and the current wait with its reason. */
interface State {
  records: number;
  batches: number;
  wait: { reason: string; until: number } | null;
}

const seconds = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))} s`;

/** Why the transport waits, in words: a 429 is the vendor's rate limit; anything else is a retry. */
function waitReason(event: TransportEvent, kind: 'retry' | 'rate_limited'): string {
  // Emitted after the wait: say what it was.
  if (kind === 'rate_limited') return `paused ${seconds(event.delayMs ?? 0)} for the client-side rate limit`;
  if (event.status === 429) return 'rate limited by the helpdesk (429)';
  return `retrying after ${event.status ? `HTTP ${event.status}` : (event.error ?? 'an error')}`;
}

/**
 * The sync's progress on stderr: a cli-progress line on a terminal (records, batches, and a countdown while the
 * transport waits out a rate limit), plain lines at most every two seconds otherwise (a log file, CI).
 *
 * @example
 * ```ts
 * const progress = syncProgress(io, bus);
 * progress.update({ records: 100, batches: 1 });
 * progress.stop();
 * ```
 */
export function syncProgress(io: CliIo, bus: HelpdeskEventBus | undefined) {
  const state: State = { records: 0, batches: 0, wait: null };
  const status = () => {
    if (!state.wait) return 'fetching';
    const left = state.wait.until - Date.now();
    return left > 0 ? `waiting ${seconds(left)}: ${state.wait.reason}` : state.wait.reason;
  };
  const bar = stderrBar(io, 'sync | {records} records | {batches} batches | {status}');
  bar?.start(0, 0, { records: 0, batches: 0, status: 'fetching' });
  let lastLine = 0;
  const render = (force = false) => {
    if (bar) bar.update(0, { records: state.records, batches: state.batches, status: status() });
    else if (force || Date.now() - lastLine >= 2000) {
      lastLine = Date.now();
      io.stderr.write(`sync: ${state.records} records, ${state.batches} batches, ${status()}\n`);
    }
  };
  const timer = bar ? setInterval(() => render(), 1000) : null;
  timer?.unref();
  const onWait = (kind: 'retry' | 'rate_limited') => (event: TransportEvent) => {
    if (!event.delayMs) return;
    const until = kind === 'retry' ? Date.now() + event.delayMs : 0;
    state.wait = { reason: waitReason(event, kind), until };
    render(true);
  };
  bus?.on('http.retry', onWait('retry'));
  bus?.on('http.rate_limited', onWait('rate_limited'));
  bus?.on('http.response', () => {
    state.wait = null;
  });
  return {
    update(progress: { records: number; batches: number }) {
      state.records = progress.records;
      state.batches = progress.batches;
      state.wait = null;
      render();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (bar || state.batches > 0) render(true);
      bar?.stop();
      bus?.removeAllListeners();
    },
  };
}

/**
 * A cli-progress bar on stderr in `format` when stderr is a terminal; null otherwise (the caller prints plain
 * lines instead). Shared by the sync and import progress.
 *
 * @example
 * ```ts
 * const bar = stderrBar(io, 'import | {bar} | {value}/{total} rows');
 * bar?.start(100, 0);
 * ```
 */
export function stderrBar(io: CliIo, format: string): cliProgress.SingleBar | null {
  if (io.stderr.isTTY !== true) return null;
  return new cliProgress.SingleBar(
    {
      format,
      stream: { write: (text: string) => io.stderr.write(text), isTTY: true } as never,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
}
