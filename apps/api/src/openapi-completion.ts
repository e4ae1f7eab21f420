import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
  security?: unknown[];
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** The one error body every 4xx answer has (see HttpErrorFilter). */
const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { type: 'string' },
    field: { type: 'string', description: 'The field at fault, when one is.' },
    fields: {
      type: 'array',
      description: 'Every field at fault, for a refused request body or query (400).',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' }, constraint: { type: 'string' } },
      },
    },
    requestId: { type: 'string' },
  },
};

/** What each refusal means, for every operation (each may answer any of them). */
const REFUSALS: Record<string, string> = {
  '400': 'Malformed input: the fields at fault are named (NUL or invisible-only text, wrong types, deep JSON…)',
  '401': 'No valid access token (or, for sign-in and refresh, wrong credentials or a spent token)',
  '403': "The caller's role or organisation's standing does not allow this",
  '404': 'No such object, or one the caller may not see',
  '409': 'The object is not in a state that allows this',
  '422': 'Well-formed input the platform cannot act on, naming the field',
  '429': 'Too many requests; Retry-After says when to try again',
};

/**
 * Completes the generated document with what the code does not declare one by one: the error
 * answers every operation may give (with the common error body), and path parameters read through
 * a parameter class or a custom decorator, which the Swagger plugin leaves out.
 */
export function completeOpenApi(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorBody = ERROR_BODY;
  for (const [path, item] of Object.entries(document.paths)) {
    const template = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.parameters ??= [];
      for (const name of template) {
        if (!operation.parameters.some((p) => p.in === 'path' && p.name === name)) {
          operation.parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } } as never);
        }
      }
      operation.responses ??= {};
      for (const [status, description] of Object.entries(REFUSALS)) {
        operation.responses[status] ??= {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
          ...(status === '429' && { headers: { 'Retry-After': { schema: { type: 'integer' } } } }),
        };
      }
    }
  }
  return document;
}
