import { createRecentMap } from '../src/util/recent-map';

describe('createRecentMap', () => {
  it('keeps the last `capacity` entries, whatever was written before them', () => {
    const map = createRecentMap<string, number>(100);
    for (let i = 0; i < 10_050; i += 1) map.set(`k${i}`, i);
    for (let i = 10_050 - 100; i < 10_050; i += 1) expect(map.get(`k${i}`)).toBe(i);
  });

  it('forgets older entries, so memory stays bounded', () => {
    const map = createRecentMap<string, number>(100);
    for (let i = 0; i < 1_000; i += 1) map.set(`k${i}`, i);
    expect(map.get('k0')).toBeUndefined();
    // At least the last 100, at most a sixteenth more.
    expect(map.get('k893')).toBeUndefined();
    for (let i = 900; i < 1_000; i += 1) expect(map.get(`k${i}`)).toBe(i);
  });

  it('answers the newest value of a key written twice', () => {
    const map = createRecentMap<string, string>(3);
    map.set('a', 'old');
    map.set('b', 'x');
    map.set('a', 'new');
    expect(map.get('a')).toBe('new');
    map.set('c', 'y');
    map.set('d', 'z');
    map.set('e', 'w'); // 5 keys > 3 + 1: trimmed to the 3 set last (c, d, e)
    expect(map.get('a')).toBeUndefined();
    expect(map.get('b')).toBeUndefined();
    expect(map.get('e')).toBe('w');
  });

  it('answers undefined for a key never written, before and after it fills', () => {
    const map = createRecentMap<string, number>(2);
    expect(map.get('nope')).toBeUndefined();
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.get('nope')).toBeUndefined();
  });
});
