import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID; ids that are not never reach a query (PostgreSQL would refuse them). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

/** The UUIDs among `ids` (scopes of a caller, ids from a client). */
export const validIds = (ids: readonly string[] | undefined): string[] => (ids ?? []).filter(isUuid);

const notAUuid = () =>
  new GraphQLError('Keine gültige ID: erwartet wird eine UUID wie 0b6f7c9e-3f1a-4c2d-9e8b-5a4d3c2b1a00.');

function parseUuid(value: unknown): string {
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw notAUuid();
  return value.toLowerCase();
}

/**
 * The id of a stored record (form version, submission). Arguments of this type refuse anything that is
 * not a UUID while the request is validated, so a malformed id never reaches the database.
 */
export const UUIDScalar = new GraphQLScalarType({
  name: 'UUID',
  description:
    'Die ID eines gespeicherten Datensatzes, eine UUID (RFC 9562) wie 0b6f7c9e-3f1a-4c2d-9e8b-5a4d3c2b1a00.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc9562',
  serialize: (value) => parseUuid(value),
  parseValue: (value) => parseUuid(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw notAUuid();
    return parseUuid(ast.value);
  },
});
