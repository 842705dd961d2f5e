/**
 * Returns the callable export of a CommonJS module imported with a default import.
 *
 * ajv-formats and ajv-i18n are CommonJS packages whose type declarations say `export default`.
 * Under `module: NodeNext` TypeScript therefore types the default import as the whole module
 * (`{ default: fn }`), while Node, Vitest and Vite hand over `module.exports` itself (the
 * function) or, for modules flagged `__esModule`, `exports.default`. Accepting both shapes keeps
 * the import correct in the server, the tests and the browser bundle.
 */
export function interopDefault<T>(moduleValue: unknown): T {
  if (typeof moduleValue === 'function') return moduleValue as T;
  const inner = (moduleValue as { default?: unknown } | null)?.default;
  if (typeof inner === 'function') return inner as T;
  throw new Error('CommonJS module has no callable default export');
}
