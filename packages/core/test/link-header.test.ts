import { parseLinkHeader } from '@wamux/core/adapter';

describe('parseLinkHeader', () => {
  const github =
    '<https://api.test/items?page=2&per_page=50>; rel="next", <https://api.test/items?page=9&per_page=50>; rel="last", <https://api.test/items?page=1>; rel="first"';

  it('finds next by default, and any other relation on request', () => {
    expect(parseLinkHeader(github)).toBe('https://api.test/items?page=2&per_page=50');
    expect(parseLinkHeader(github, 'last')).toBe('https://api.test/items?page=9&per_page=50');
    expect(parseLinkHeader(github, 'first')).toBe('https://api.test/items?page=1');
    expect(parseLinkHeader(github, 'prev')).toBeUndefined();
  });

  it('accepts a bare rel, spaces and any order of parameters', () => {
    expect(parseLinkHeader('<https://a/2>;rel=next')).toBe('https://a/2');
    expect(parseLinkHeader('<https://a/1>; rel=prev ,  <https://a/3> ;  title="p3" ; rel = next')).toBe('https://a/3');
    expect(parseLinkHeader('<https://a/3>; title="x"; rel="next"; type="application/json"')).toBe('https://a/3');
  });

  it('matches one relation among several in one rel', () => {
    const header = '<https://a/9>; rel="last next", <https://a/1>; rel="first prev"';
    expect(parseLinkHeader(header, 'next')).toBe('https://a/9');
    expect(parseLinkHeader(header, 'last')).toBe('https://a/9');
    expect(parseLinkHeader(header, 'prev')).toBe('https://a/1');
  });

  it('does not match a relation that only contains the name', () => {
    expect(parseLinkHeader('<https://a/2>; rel="nextpage"')).toBeUndefined();
    expect(parseLinkHeader('<https://a/2>; rel="prev-next"')).toBeUndefined();
  });

  it('keeps commas and semicolons inside the URL', () => {
    expect(parseLinkHeader('<https://a/x?ids=1,2,3&f=a;b>; rel="next"')).toBe('https://a/x?ids=1,2,3&f=a;b');
  });

  it('returns undefined for empty, missing or malformed headers', () => {
    expect(parseLinkHeader(undefined)).toBeUndefined();
    expect(parseLinkHeader(null)).toBeUndefined();
    expect(parseLinkHeader('')).toBeUndefined();
    expect(parseLinkHeader('https://a/2; rel=next')).toBeUndefined();
    expect(parseLinkHeader('<https://a/2>')).toBeUndefined();
    expect(parseLinkHeader('<https://a/2>; title="next"')).toBeUndefined();
  });

  // BUG: RFC 8288 §2.1.1 says relation types are compared case-insensitively,
  // but parseLinkHeader compares them as written, so `rel="Next"` is missed
  // and pagination silently stops after the first page.
  // Fix: compare lower-cased, e.g.
  // `relMatch[1].trim().toLowerCase().split(/\s+/).includes(rel.toLowerCase())`.
  it('compares relation types case-insensitively (RFC 8288)', () => {
    expect(parseLinkHeader('<https://a/2>; rel="Next"')).toBe('https://a/2');
  });
});
