/**
 * A sequential id generator with a prefix, for emulator message and media
 * ids: `<prefix><instance><sequence>`, e.g. `mem_msg_482913000001`. The
 * instance part is random per generator, so two emulators (two test files,
 * two CLI runs) never hand out the same id, and an id stays readable: the
 * last six digits count the sends.
 */
export function idGenerator(prefix: string): () => string {
  const instance = String(100_000 + Math.floor(Math.random() * 900_000));
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${instance}${next.toString().padStart(6, '0')}`;
  };
}
