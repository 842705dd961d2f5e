import type { ErrorObject } from 'ajv';

/** `/materialCosts/0/quantity` → `materialCosts.0.quantity` (the path notation of JSON Forms). */
export const pointerToDataPath = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');

/** `materialCosts.0.quantity` → `/materialCosts/0/quantity` */
export const dataPathToPointer = (path: string): string =>
  path === ''
    ? ''
    : `/${path
        .split('.')
        .map((token) => token.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/')}`;

/** The JSON Pointer of the field an Ajv error belongs to (a missing property is reported at the property). */
export const errorPointer = (error: ErrorObject): string => {
  const params = error.params as { missingProperty?: unknown };
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${error.instancePath}/${params.missingProperty.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return error.instancePath;
};

/** Keyword marking errors that came from the server; their message is shown as it is. */
export const SERVER_ERROR_KEYWORD = 'server';

/** Turns a server field error into the Ajv error shape JSON Forms shows via `additionalErrors`. */
export const serverErrorToAjvError = (fieldError: { path: string; message: string }): ErrorObject => ({
  instancePath: fieldError.path,
  message: fieldError.message,
  schemaPath: '',
  keyword: SERVER_ERROR_KEYWORD,
  params: {},
});

/** Pointers of all leaves that differ between two JSON values (arrays and objects are walked). */
export const changedPointers = (before: unknown, after: unknown, pointer = ''): string[] => {
  if (Object.is(before, after)) return [];
  const isContainer = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return [pointer];
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const result: string[] = [];
  for (const key of keys) {
    const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    result.push(...changedPointers(before[key], after[key], child));
  }
  return result;
};
