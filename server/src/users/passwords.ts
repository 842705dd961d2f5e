import { randomBytes, randomInt } from 'node:crypto';
import argon2 from 'argon2';

/** Shortest and longest password accepted (OWASP: at least 12 without composition rules; a cap bounds hashing). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** argon2id with the OWASP Password Storage Cheat Sheet's parameters (19 MiB, 2 passes, 1 lane). */
const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Why `password` cannot be used, in German, or null when it can. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    return `Das Passwort muss zwischen ${PASSWORD_MIN_LENGTH} und ${PASSWORD_MAX_LENGTH} Zeichen lang sein.`;
  }
  if (password.trim().length === 0) return 'Das Passwort darf nicht nur aus Leerzeichen bestehen.';
  return null;
}

/** An argon2id hash of `password` (PHC string with its salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Makes the dummy hash that unknown accounts are checked against, at start: made on first use instead, the
 * first failed sign-in of an unknown account after a start would take longer and tell it apart.
 */
export async function preparePasswordChecks(): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(32).toString('hex'));
  await dummyHash;
}

/**
 * Whether `password` matches `hash`. Without a hash (unknown account, no password set) a dummy hash is
 * checked instead, so the answer takes as long as for a real account and timing reveals no accounts.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  // A password longer than any accepted one cannot match; still hashed, but only up to the cap.
  const candidate = password.slice(0, PASSWORD_MAX_LENGTH * 4);
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(32).toString('hex'));
    await argon2.verify(await dummyHash, candidate).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, candidate);
  } catch {
    return false;
  }
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password (20 characters, about 115 bits), shown once to the administrator. */
export function generatePassword(length = 20): string {
  let password = '';
  for (let i = 0; i < length; i++) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  // Groups of five read and type more easily: xxxxx-xxxxx-xxxxx-xxxxx.
  return password.match(/.{1,5}/g)!.join('-');
}
