import nock from 'nock';

/**
 * Registers nock's lifecycle for a test file: no real network, mocks
 * cleared after each test, and nock removed after the file. Jest gives each
 * file its own copy of nock while node's http and fetch are shared by the
 * worker, so a copy left active would answer the next file's requests.
 */
export function useNock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
