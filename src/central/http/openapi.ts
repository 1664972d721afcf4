// The OpenAPI 3.1 description of every central endpoint, served at /openapi.json (a test checks
// that each route the server answers is listed here).
const error = { $ref: '#/components/schemas/Error' };
const signed = [{ deviceSignature: [] }];
const json = (schema: unknown, description = 'JSON') => ({ description, content: { 'application/json': { schema } } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Field Office central service', version: '1.0.0', description: 'Accepts office batches exactly once; see docs/protocol.md.' },
  components: {
    securitySchemes: {
      deviceSignature: {
        type: 'apiKey',
        in: 'header',
        name: 'x-signature',
        description: 'Ed25519 over METHOD\\nPATH\\nx-timestamp\\nsha256(body); with x-device-id and x-timestamp.',
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' }, field: { type: 'string' }, details: {} },
          },
        },
      },
      WireOp: {
        type: 'object',
        required: ['opId', 'seq', 'kind', 'payload', 'payloadHash'],
        properties: {
          opId: { type: 'string', format: 'uuid' },
          seq: { type: 'integer' },
          kind: { type: 'string' },
          payload: { type: 'object' },
          payloadHash: { type: 'string' },
        },
      },
      Batch: {
        type: 'object',
        required: ['deviceId', 'batchNo', 'ops'],
        properties: {
          deviceId: { type: 'string' },
          batchNo: { type: 'integer', minimum: 1 },
          ops: { type: 'array', maxItems: 500, items: { $ref: '#/components/schemas/WireOp' } },
        },
      },
      OpResult: {
        type: 'object',
        required: ['opId', 'status'],
        properties: {
          opId: { type: 'string' },
          status: { enum: ['APPLIED', 'DUPLICATE', 'REJECTED', 'HELD'] },
          officialNumber: { type: ['string', 'null'] },
          canonical: { type: ['object', 'null'] },
          error: { type: ['object', 'null'] },
          heldClass: { type: ['string', 'null'] },
          review: {
            type: ['object', 'null'],
            description:
              'APPLIED, flagged for review: FACTS_DIFFER (support category or household place differ from the central records) or MONTHS_ALREADY_PAID (the person paid these months already, details.paid names the receipts)',
          },
        },
      },
    },
  },
  paths: {
    '/healthz': { get: { summary: 'Liveness with a database check', responses: { '200': json({ type: 'object' }), '503': json(error) } } },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        responses: { '200': { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } } },
    '/v1/enroll': {
      post: {
        summary: 'Enroll a device with a one-time code and its Ed25519 public key',
        requestBody: json({
          type: 'object',
          required: ['code', 'publicKey', 'deviceName'],
          properties: { code: { type: 'string' }, publicKey: { type: 'string' }, deviceName: { type: 'string' } },
        }),
        responses: {
          '200': json({
            type: 'object',
            properties: {
              deviceId: { type: 'string' },
              officeCode: { type: 'string' },
              provinceCode: { type: 'string' },
              centralPublicKey: { type: 'string', description: "The central's raw Ed25519 public key (base64): verifies result files" },
              centralSealingRecipient: { type: 'string', description: 'age X25519 recipient (age1…) the device seals its batch files to' },
            },
          }),
          '400': json(error),
          '403': json(error),
          '409': json(error),
        },
      },
    },
    '/v1/batches': {
      post: {
        summary: 'Push one batch; applied exactly once, per-operation results',
        security: signed,
        requestBody: json({ $ref: '#/components/schemas/Batch' }),
        responses: {
          '200': json({
            type: 'object',
            properties: {
              deviceId: { type: 'string' },
              batchNo: { type: 'integer' },
              results: { type: 'array', items: { $ref: '#/components/schemas/OpResult' } },
            },
          }),
          '400': json(error),
          '401': json(error),
          '403': json(error),
          '409': json(error),
          '413': json(error),
        },
      },
    },
    '/v1/changes': {
      get: {
        summary: 'Changes after a cursor, in commit order',
        security: signed,
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 5000 } },
        ],
        responses: {
          '200': json({
            type: 'object',
            properties: { changes: { type: 'array' }, nextCursor: { type: ['string', 'null'] }, hasMore: { type: 'boolean' }, reset: { type: 'boolean' } },
          }),
          '401': json(error),
          '403': json(error),
        },
      },
    },
    '/updates/{file}': {
      get: {
        summary: 'electron-updater generic-provider feed (latest.yml, installers)',
        parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'file' }, '404': json(error) },
      },
    },
  },
} as const;
