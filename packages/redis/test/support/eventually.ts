/**
 * Retries `check` until it stops throwing, or throws its last error after
 * `within` ms. For states reached in the background (a reconnect, a
 * probe), waited for generously: never a timing assertion.
 */
export async function eventually<T>(check: () => T | Promise<T>, within = 15_000): Promise<T> {
  const deadline = Date.now() + within;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
