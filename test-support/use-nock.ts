import nock from 'nock';

/**
 * Registers nock for one test file: no real network (but 127.0.0.1 with
 * `loopback`, for files that also talk to an emulator), mocks cleared after
 * each test, and nock's interceptor removed when the file ends. Jest gives
 * each file its own copy of nock while node:http and fetch are shared by the
 * worker, so a copy left active would answer the next file's requests.
 */
export function useNock(options: { loopback?: boolean } = {}): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    if (options.loopback) nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
