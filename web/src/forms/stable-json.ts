/** JSON with object keys sorted, so two equal documents always give the same text. */
export const stableStringify = (value: unknown): string =>
  JSON.stringify(value, (_key, current: unknown) => {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return current;
    return Object.fromEntries(
      Object.keys(current)
        .sort()
        .map((key) => [key, (current as Record<string, unknown>)[key]]),
    );
  }) ?? '';

/** Structural equality of two JSON documents. */
export const sameJson = (a: unknown, b: unknown): boolean =>
  a === b || stableStringify(a) === stableStringify(b);
