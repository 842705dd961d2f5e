import type { FastifyError, FastifyRequest } from 'fastify';
import { describeError } from './error-log.js';

/**
 * What the request log may say about a request: method, path, host and the request id (in every
 * line). Never the query string (GET /graphql carries query and variables there), headers or the body.
 */
export const logSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    path: request.url.split('?', 1)[0],
    host: request.headers?.host,
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  err: (error: FastifyError) => {
    const described = describeError(error);
    return {
      ...described,
      type: String(described.type),
      message: typeof described.message === 'string' ? described.message : '',
      stack: typeof described.stack === 'string' ? described.stack : '',
    };
  },
};
