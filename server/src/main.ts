import 'reflect-metadata';
import { ConfigError, readConfig } from './config.js';
import { FormDefinitionError } from './forms/load-form-definitions.js';
import { startPlatform } from './platform.js';

async function main(): Promise<void> {
  const config = readConfig();
  const platform = await startPlatform(config);
  console.log(`Sozialraum-Plattform läuft: ${platform.url}/  (GraphQL: ${platform.url}/graphql)`);
  const shutdown = async (signal: string) => {
    console.log(`${signal} empfangen, fahre herunter ...`);
    try {
      await platform.stop();
      process.exit(0);
    } catch (error) {
      console.error('Fehler beim Herunterfahren:', error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof FormDefinitionError) {
    console.error(error.message);
  } else {
    console.error('Start fehlgeschlagen:', error);
  }
  process.exit(1);
});
