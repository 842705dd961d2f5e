import 'reflect-metadata';
import { ConfigError, readConfig } from './config.js';
import { FormDefinitionError } from './forms/load-form-definitions.js';
import { describeStartFailure, type RunningPlatform, startPlatform } from './platform.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A signal repeated after this long ends the process at once, without waiting for requests. */
const REPEAT_AFTER_MS = 1_000;

/**
 * The platform owns its shutdown. Signal handlers are in place before anything starts, so a signal during
 * the start still stops the database; a signal repeated a second later ends the process at once.
 */
async function main(): Promise<void> {
  const config = readConfig();
  let platform: RunningPlatform | undefined;
  let stopRequested: string | undefined;
  let exiting = false;

  const shutdown = async (signal: string) => {
    console.log(`${signal} empfangen: nehme keine neuen Anfragen an, beende laufende und fahre herunter ...`);
    try {
      await platform?.stop();
      console.log('Sozialraum-Plattform beendet.');
      process.exit(0);
    } catch (error) {
      console.error(`Fehler beim Herunterfahren: ${describeStartFailure(error)}`);
      process.exit(1);
    }
  };
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (exiting || stopRequested) {
      // Ctrl+C under `npm start` arrives twice at once (from the terminal and forwarded by npm).
      if (Date.now() - firstSignalAt < REPEAT_AFTER_MS) return;
      console.log(`${signal} erneut empfangen: beende sofort.`);
      process.exit(1);
    }
    firstSignalAt = Date.now();
    stopRequested = signal;
    if (platform) {
      exiting = true;
      void shutdown(signal);
    }
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);

  try {
    platform = await startPlatform(config);
  } finally {
    // Apollo Server adds handlers that stop it and raise the signal again, which would end the process
    // before the requests in flight are answered; only ours decide the order.
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (listener !== onSignal) process.removeListener(signal, listener);
      }
    }
  }
  if (stopRequested) {
    exiting = true;
    await shutdown(stopRequested);
    return;
  }
  console.log(`Sozialraum-Plattform läuft: ${platform.url}/  (GraphQL: ${platform.url}/graphql)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof FormDefinitionError) {
    console.error(error.message);
  } else {
    console.error(describeStartFailure(error));
  }
  process.exit(1);
});
