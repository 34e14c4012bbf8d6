// Runs the same app against one config, or against every local emulator.
//   WAMUX_CONFIG='{"provider":"desk360",...}' node src/main.ts   serve webhooks for that provider on $PORT (default 3000)
//   node src/main.ts                                              play one conversation through each provider's emulator
import type { ProviderConfig } from 'wamux';
// The emulators `wamux demo` and `wamux emulate` start; not a public export
// of `wamux`, so this demo reads it from the repository's sources.
import { localTargets, type LocalTarget } from 'wamux/emulators';
import { startApp } from './app.ts';
import { playScenario, summarize } from './scenario.ts';

if (process.env.WAMUX_CONFIG) {
  const app = await startApp(JSON.parse(process.env.WAMUX_CONFIG) as ProviderConfig, { port: Number(process.env.PORT ?? 3000), host: process.env.HOST });
  console.log(`${app.provider.name}: receiving webhooks on POST ${app.webhookUrl}`);
  app.webhooks.on('message', ({ message }) => console.log(`message from ${message.from}`));
} else {
  for (const [name, start] of Object.entries(localTargets)) {
    let target: LocalTarget;
    try {
      target = await start({});
    } catch (error) {
      console.log(`${name}: not available (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const app = await startApp(target.config);
    try {
      await playScenario(app, target.emulator);
      console.log(
        `${name}:\n  ${summarize(
          app.events,
          app.replies.map((reply) => reply.id),
        ).join('\n  ')}`,
      );
    } finally {
      await app.close();
      await target.emulator.close();
    }
  }
}
