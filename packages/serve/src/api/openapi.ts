import { z } from 'zod';
import {
  ApiError,
  DecideRequest,
  DecisionRecordSchema,
  Explanation,
  MatchDecision,
  MatchRecord,
  MatchRequest,
  MatchResponse,
  UndoRequestBody,
} from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = {
  '400': {
    description: 'Malformed JSON or a body that fails the schema; `issues` names each field',
    ...json('Error'),
  },
  '401': { description: 'No or wrong token (non-local bind)', ...json('Error') },
  '413': { description: 'Body over the size limit', ...json('Error') },
};
const caseParams = [
  { name: 'system', in: 'path', required: true, schema: { type: 'string' } },
  { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
];

/** The OpenAPI 3.1 document of the API, its schemas generated from the zod schemas the server validates with. */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const named = {
    MatchRecord,
    MatchRequest,
    Explanation,
    MatchDecision,
    MatchResponse,
    DecideRequest,
    UndoRequest: UndoRequestBody,
    DecisionRecord: DecisionRecordSchema,
    Error: ApiError,
  };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; each component is referenced by its path, not an $id.
  const generated = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }).schemas;
  const components = Object.fromEntries(
    Object.entries(generated).map(([id, { $id: _, $schema: __, ...schema }]) => [id, schema]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'em match and review API',
      version: '0.1.0',
      description:
        'Match company records against the reference (nothing is written), read gold rows, and decide review cases with the same audit trail as `em review`. On a non-local bind send `Authorization: Bearer <token>`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearer: [] }],
    paths: {
      '/v1/match': {
        post: {
          summary: 'Match one record or a batch through the cascade (LLM off); writes nothing',
          requestBody: { required: true, ...json('MatchRequest') },
          responses: {
            '200': { description: 'One decision per record, in order', ...json('MatchResponse') },
            ...errors,
          },
        },
      },
      '/v1/gold/{system}/{id}': {
        get: {
          summary: 'The gold row of one source record',
          parameters: caseParams,
          responses: {
            '200': { description: 'The row, every column' },
            '404': { description: 'No such row', ...json('Error') },
          },
        },
      },
      '/v1/review/queue': {
        get: {
          summary: 'The review queue, least confident first',
          parameters: ['system', 'stage', 'method', 'band', 'sort', 'limit'].map((name) => ({
            name,
            in: 'query',
            schema: { type: 'string' },
          })),
          responses: { '200': { description: 'Cases with their candidates' } },
        },
      },
      '/v1/review/{system}/{id}': {
        get: {
          summary: 'One review case',
          parameters: caseParams,
          responses: {
            '200': { description: 'The case' },
            '404': { description: 'No such case', ...json('Error') },
          },
        },
      },
      '/v1/review/{system}/{id}/decide': {
        post: {
          summary: 'Decide a case (as `em review accept/reject`)',
          parameters: caseParams,
          requestBody: { required: true, ...json('DecideRequest') },
          responses: { '200': { description: 'The audit entry', ...json('DecisionRecord') }, ...errors },
        },
      },
      '/v1/review/{system}/{id}/undo': {
        post: {
          summary: "Undo the case's latest decision (restores the prior gold row; a new audit entry)",
          parameters: caseParams,
          requestBody: { required: false, ...json('UndoRequest') },
          responses: { '200': { description: 'The undo audit entry', ...json('DecisionRecord') }, ...errors },
        },
      },
      '/v1/reference/search': {
        get: {
          summary: 'Search the reference by name, ticker or identifier',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Reference rows, best first' } },
        },
      },
      '/v1/alerts': {
        get: {
          summary: 'The state of every alert rule',
          responses: { '200': { description: 'Alert states' } },
        },
      },
    },
  };
}
