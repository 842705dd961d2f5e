import type { RunningPlatform } from '../../server/src/platform.js';
import { seedDemoMasterData } from '../../server/src/master-data/seed-demo-master-data.js';
import { seedDemoUsers } from '../../server/src/users/bootstrap-users.js';
import { DEMO_PROVIDER_USER, type DemoUser } from '../../server/src/users/demo-users.js';

const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id } }';

/**
 * Signs in to a running platform over HTTP, as a browser would, and returns the Cookie header of the
 * new session (`sr_session=…`). Default: the demo Träger's user, who may submit the provider forms.
 */
export async function signInOverHttp(
  url: string,
  user: Pick<DemoUser, 'email' | 'password'> = DEMO_PROVIDER_USER,
): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: user.password } }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';', 1)[0];
  if (!cookie) throw new Error(`Anmeldung als ${user.email} fehlgeschlagen: ${await response.text()}`);
  return cookie;
}

/**
 * For a platform started without demo data: creates the demo master data and demo users (no demo
 * submissions) and signs in as the demo Träger's user.
 */
export async function providerSession(platform: RunningPlatform): Promise<string> {
  await seedDemoMasterData(platform.orm.em.fork());
  await seedDemoUsers(platform.orm.em.fork());
  return signInOverHttp(platform.url);
}
