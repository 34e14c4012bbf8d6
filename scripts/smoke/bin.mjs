// The executables the packages publish (the `wamux` CLI), run as `npx` runs
// them: with no provider configured, `send` must go through the built-in
// memory emulator and exit 0.
import { runProcess } from './processes.mjs';

/** Runs one bin under `node`; resolves with `{ ok, error, seconds }`. */
export async function checkBin({ command, file }, node, projectDir) {
  // A clean environment: no WAMUX_* or vendor credentials from the CI machine.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? projectDir, ...(process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}) };
  const args = command === 'wamux' ? ['send', '--to', '+905551112233', '--text', 'smoke'] : ['--help'];
  const result = await runProcess(node.binary, [...node.flags, file, ...args], { cwd: projectDir, env, timeoutMs: 60_000 });
  if (result.code === 0 && (command !== 'wamux' || /sent text/.test(result.stdout))) return { ok: true, seconds: result.seconds };
  return {
    ok: false,
    seconds: result.seconds,
    error: `\`${command} ${args.join(' ')}\` ${result.error ?? `exited ${result.code}`}\n${result.stderr}${result.stdout}`,
  };
}
