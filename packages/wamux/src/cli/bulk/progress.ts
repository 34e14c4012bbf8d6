import { duration } from '../format';

/** Counts for the progress display. */
export interface ProgressCounts {
  sent: number;
  failed: number;
  unknown: number;
}

/** A progress display on stderr. */
export interface Progress {
  update(counts: ProgressCounts): void;
  /** Prints a message without garbling the bar. */
  message(line: string): void;
  /** Draws the final state and ends the bar's line. */
  finish(counts: ProgressCounts): void;
}

const BAR_WIDTH = 24;

/**
 * A progress bar with rate and ETA for `total` sends. On a TTY it redraws
 * one line (at most every 100 ms); otherwise it prints a plain line at each
 * 10% step, so logs stay readable. `quiet` prints nothing.
 */
export function createProgress(total: number, options: { tty?: boolean; quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? stream.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let lastStep = -1;
  let lastDone = -1;
  let drawn = false;

  const describe = (counts: ProgressCounts) => {
    const done = counts.sent + counts.failed + counts.unknown;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = done >= total ? '0s' : rate > 0 ? duration((total - done) / rate) : '?';
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const problems = [counts.failed ? `${counts.failed} failed` : '', counts.unknown ? `${counts.unknown} unknown` : ''].filter(Boolean).join(', ');
    return { done, percent, rate: rate.toFixed(1), eta, problems };
  };

  const draw = (counts: ProgressCounts, final: boolean) => {
    if (options.quiet) return;
    const d = describe(counts);
    if (tty) {
      const filled = total > 0 ? Math.round((d.done / total) * BAR_WIDTH) : BAR_WIDTH;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      stream.write(
        `\r\x1b[2K[${bar}] ${d.done}/${total} ${d.percent}%  ${d.rate}/s  ETA ${final ? '0s' : d.eta}${d.problems ? `  ✗ ${d.problems}` : ''}${final ? '\n' : ''}`,
      );
      drawn = !final;
      return;
    }
    const step = Math.floor(d.percent / 10);
    if (final ? d.done === lastDone : step === lastStep) return;
    lastStep = step;
    lastDone = d.done;
    stream.write(
      `bulk: ${d.done}/${total} (${d.percent}%) sent ${counts.sent}${d.problems ? `, ${d.problems}` : ''}, ${d.rate}/s, ETA ${final ? '0s' : d.eta}\n`,
    );
  };

  return {
    update(counts) {
      const now = Date.now();
      if (tty && now - lastDraw < 100) return;
      lastDraw = now;
      draw(counts, false);
    },
    message(line) {
      if (tty && drawn) stream.write('\r\x1b[2K');
      stream.write(`${line}\n`);
      drawn = false;
    },
    finish(counts) {
      draw(counts, true);
    },
  };
}
