// Child processes for the smoke test: run one, collect its output, and kill
// it (by its own pid) when it outlives its time limit, so a hang is a
// failure with a name rather than a stuck CI job.
import { spawn } from 'node:child_process';

/**
 * Runs `command args` and resolves with its exit code, output and duration
 * (`seconds`). Never rejects: a spawn error or a timeout is reported as
 * `code: null` and an `error` text.
 */
export function runProcess(command, args, { cwd, env, timeoutMs = 120_000, input } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let error;
    const timer = setTimeout(() => {
      error = `timed out after ${timeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (spawnError) => (error = spawnError.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: error ? null : code, stdout, stderr, error, seconds: (performance.now() - started) / 1000 });
    });
    child.stdin.end(input);
  });
}

/** Runs `tasks` (functions returning promises) at most `limit` at a time; resolves with their results in order. */
export async function inParallel(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < tasks.length; index = next++) results[index] = await tasks[index]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The last `lines` lines of a text, indented, for a failure report. */
export function tail(text, lines = 15) {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `      ${line}`)
    .join('\n');
}
