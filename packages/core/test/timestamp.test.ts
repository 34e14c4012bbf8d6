import { dateFromTimestamp } from '../src/util/timestamp';

const SECONDS = 1_795_286_711;

describe('dateFromTimestamp', () => {
  it('reads epoch seconds and milliseconds, as numbers or decimal text', () => {
    const expected = new Date(SECONDS * 1000).toISOString();
    for (const value of [SECONDS, String(SECONDS), ` ${SECONDS} `, `\t${SECONDS}\n`, SECONDS * 1000, String(SECONDS * 1000)]) {
      expect(dateFromTimestamp(value)?.toISOString()).toBe(expected);
    }
    expect(dateFromTimestamp('1795286711.5')?.getTime()).toBe(SECONDS * 1000 + 500);
  });

  it('chooses seconds or milliseconds by the threshold', () => {
    // 156753339076: 12 digits, milliseconds at the default 10^11, seconds at 10^12.
    expect(dateFromTimestamp(156_753_339_076)?.getTime()).toBe(156_753_339_076);
    expect(dateFromTimestamp(156_753_339_076, 1e12)?.getTime()).toBe(156_753_339_076_000);
    expect(dateFromTimestamp(1_500_000_000_000, 1e12)?.getTime()).toBe(1_500_000_000_000);
  });

  it('reads ISO 8601 text', () => {
    expect(dateFromTimestamp('2026-11-21T18:45:11Z')?.toISOString()).toBe('2026-11-21T18:45:11.000Z');
  });

  it('refuses what is not a time, rather than returning an invalid Date', () => {
    for (const value of ['', '   ', 'soon', NaN, Infinity, null, undefined, {}, true]) {
      expect(dateFromTimestamp(value)).toBeUndefined();
    }
  });
});
