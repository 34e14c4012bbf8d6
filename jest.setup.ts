// Each test file gets its own copy of nock (jest's module registry), while
// node:http and fetch are shared by every file a worker runs. A copy left
// active would answer the next file's requests, so every file restores its
// nock when it ends.
afterAll(async () => {
  const { default: nock } = await import('nock');
  nock.cleanAll();
  nock.restore();
});
