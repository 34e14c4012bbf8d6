import nock from 'nock';

/**
 * Registers nock for one test file: no real network except 127.0.0.1 (the
 * emulator), mocks cleared after each test, and nock's interceptor removed
 * after the file, so the next file in the same jest worker starts clean.
 */
export function useNock(): typeof nock {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
  return nock;
}
