// Type tests, checked by `tsc -p tsconfig.test.json` (never run): they fail
// the typecheck when createProvider's typing regresses.
import type { Desk360Provider } from '@wamux/desk360';
import type { Router } from '@wamux/router';
import { createProvider, type ProviderConfig, type ProviderName } from 'wamux';

/** True only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_proof?: T): void {}

export async function typed(): Promise<void> {
  const desk360 = await createProvider({ provider: 'desk360', apiKey: 'key', integrationId: 11 });
  expectType<Equal<typeof desk360, Desk360Provider>>();
  expectType<Equal<typeof desk360.name, 'desk360'>>();
  // Desk360's own operations are there, typed.
  void desk360.templates;

  // An option of another adapter is refused.
  // @ts-expect-error getchat's `stack` is not a Desk360 option
  await createProvider({ provider: 'desk360', apiKey: 'key', stack: 'acme' });
  // @ts-expect-error a misspelt option is refused
  await createProvider({ provider: 'desk360', apiKey: 'key', tiemout: 10 });
  // @ts-expect-error an option of the wrong type is refused
  await createProvider({ provider: 'desk360', apiKey: 'key', integrationId: { id: 11 } });
  // @ts-expect-error an unknown provider is refused
  await createProvider({ provider: 'acme' });

  const router = await createProvider({ router: { providers: [{ provider: 'memory' }] } });
  expectType<Equal<typeof router, Router>>();

  // A config known only at run time gives one of the providers, named by one of the names.
  const fromFile = JSON.parse('{"provider":"memory"}') as ProviderConfig;
  const any = await createProvider(fromFile);
  expectType<Equal<typeof any.name, ProviderName>>();
  await any.send({ type: 'text', to: '+905551112233', text: 'Hello' });
}
