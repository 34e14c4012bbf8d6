// `npm test` runs the benchmarks in quick mode, which never fail on a missed
// target: the progress lines must not look like failures either.
import { progressLine } from '../../../bench/lib/report.mjs';

const row = {
  suite: '1 · webhook endpoint',
  case: 'desk360, single message',
  measured: '5,545/s',
  baseline: 'bare: 6,463/s',
  ratio: 0.86,
  target: '≥ 0.9× bare',
};

describe('benchmark progress lines', () => {
  it('mark a met target with ✓', () => {
    expect(progressLine({ ...row, met: true })).toBe(
      '✓ 1 · webhook endpoint · desk360, single message: 5,545/s vs bare: 6,463/s (ratio 0.86) target ≥ 0.9× bare',
    );
  });

  it('report a missed target as information, with no failure mark', () => {
    const line = progressLine({ ...row, met: false });
    expect(line).not.toMatch(/[✗✘❌]|fail(?!ure)/i);
    expect(line.startsWith('  1 · webhook endpoint')).toBe(true);
    expect(line.endsWith('target ≥ 0.9× bare (missed: information, not a failure)')).toBe(true);
  });

  it('leave rows without a target unmarked', () => {
    expect(progressLine({ suite: 'diag', case: 'x', measured: '1 ms' })).toBe('  diag · x: 1 ms');
  });
});
