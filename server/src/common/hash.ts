import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/** sha256 (hex) of a value in canonical JSON: key order does not change the hash. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256')
    .update(stringify(value) ?? 'null')
    .digest('hex');
}
