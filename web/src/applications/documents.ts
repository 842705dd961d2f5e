import type { FieldError } from '../../../form-logic/index.js';

/** The documents of an application: the container ids and the prefixes of the server's error paths. */
export const ANLAGE_1 = { key: 'offer-description', containerId: 'anlage-1', label: 'Anlage 1' } as const;
export const ANLAGE_2 = { key: 'cost-calculation', containerId: 'anlage-2', label: 'Anlage 2' } as const;

/** Splits the server's field errors (paths prefixed by the Anlage) per Anlage. */
export const splitApplicationErrors = (errors: readonly FieldError[]) => {
  const of = (key: string) =>
    errors
      .filter((error) => error.path === `/${key}` || error.path.startsWith(`/${key}/`))
      .map((error) => ({ ...error, path: error.path.slice(key.length + 1) }));
  return { offerDescription: of(ANLAGE_1.key), costCalculation: of(ANLAGE_2.key) };
};
