// The OpenAPI 3.1 description of every central endpoint, served at /openapi.json, generated from
// the shared zod schemas the server and the office parse with (zod's JSON Schema output): the batch
// body with every operation kind of the union, the per-operation results, the pull feed. A test
// checks that it lists exactly the routes the server answers, and that real replies fit it.
import { z } from 'zod';
import { changesResponse } from '../../shared/sync/changes';
import { batchAudit, operation } from '../../shared/sync/operations';
import { batchResponse } from '../../shared/sync/op-results';
import { enrollRequest, enrollResponse, errorBody, wireOp } from '../../shared/sync/protocol';
import { centralVerification } from '../receipts/receipt-check';
import { deviceStatusReport, officeStatusResponse } from '../../shared/sync/office-status';
import { picturePage } from '../../shared/sync/picture';
import { consoleRoutes } from '../console/console-openapi';
import type { Route } from './openapi-route';

export type { Route };

export const healthResponse = z.object({ ok: z.literal(true), database: z.enum(['postgres', 'pglite']) });

/** The batch body as documented: each operation is the envelope with one kind's payload. */
const documentedOp = z.union(operation.options.map((option) => wireOp.extend({ kind: option.shape.kind, payload: option.shape.payload })));
const documentedBatch = z.object({
  deviceId: z.string(),
  batchNo: z.number().int().positive(),
  ops: z.array(documentedOp).max(500),
  audit: batchAudit.optional(),
});

const consolePage = { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } };
const consoleUnbuilt = { description: 'The console was not built (text)' };

/** Every route the server answers (server.ts), with the schemas of its body and replies. */
export const routes: Record<string, Partial<Record<'get' | 'post' | 'delete', Route>>> = {
  '/healthz': { get: { summary: 'Liveness with a database check', responses: { '200': healthResponse, '503': errorBody } }, post: undefined },
  '/metrics': {
    get: {
      summary: 'Prometheus metrics',
      responses: { '200': { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
    },
    post: undefined,
  },
  '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } }, post: undefined },
  '/v1/enroll': {
    post: {
      summary: 'Enroll a device with a one-time code and its Ed25519 public key',
      request: enrollRequest,
      responses: { '200': enrollResponse, '400': errorBody, '403': errorBody, '409': errorBody },
    },
    get: undefined,
  },
  '/v1/batches': {
    post: {
      summary: 'Push one batch; applied exactly once, per-operation results',
      signed: true,
      request: documentedBatch,
      responses: { '200': batchResponse, '400': errorBody, '401': errorBody, '403': errorBody, '409': errorBody, '413': errorBody },
    },
    get: undefined,
  },
  '/v1/changes': {
    get: {
      summary: 'Changes after a cursor, in commit order',
      signed: true,
      parameters: [
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 5000 } },
      ],
      responses: { '200': changesResponse, '401': errorBody, '403': errorBody },
    },
    post: undefined,
  },
  '/v1/receipts/verify': {
    get: {
      summary: 'Check a receipt or refund voucher payload (its QR code): signature, recorded, voided. Public, rate-limited per address',
      parameters: [{ name: 'p', in: 'query', required: true, schema: { type: 'string' } }],
      responses: { '200': centralVerification, '400': errorBody, '429': errorBody },
    },
    post: undefined,
  },
  '/verify': {
    get: {
      summary: 'The public page a receipt QR code opens (Vietnamese HTML)',
      parameters: [{ name: 'p', in: 'query', schema: { type: 'string' } }],
      responses: {
        '200': { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
        '429': { description: 'HTML page: too many checks' },
      },
    },
    post: undefined,
  },
  '/console': {
    get: { summary: "The provincial console's page (HTML; ADR 0037)", responses: { '200': consolePage, '503': consoleUnbuilt } },
    post: undefined,
  },
  '/console/': {
    get: { summary: "The provincial console's page (HTML; ADR 0037)", responses: { '200': consolePage, '503': consoleUnbuilt } },
    post: undefined,
  },
  '/console/assets/{file}': {
    get: {
      summary: "A content-hashed file of the console's pages (script, style), cached for a year",
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The file' }, '404': { description: 'No such file (text)' } },
    },
    post: undefined,
  },
  '/v1/picture': {
    get: {
      summary: "The office's picture for a starting device, part by part, in pages keyed by id (docs/protocol.md §4a)",
      signed: true,
      parameters: [
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10000 } },
      ],
      responses: { '200': picturePage, '400': errorBody, '401': errorBody, '403': errorBody },
    },
    post: undefined,
  },
  '/v1/office/status': {
    post: {
      summary: "Report this device's pending work; answered with every device of its office (docs/protocol.md §4b)",
      signed: true,
      request: deviceStatusReport,
      responses: { '200': officeStatusResponse, '400': errorBody, '401': errorBody, '403': errorBody, '413': errorBody },
    },
    get: undefined,
  },
  '/updates/{file}': {
    get: {
      summary: 'electron-updater generic-provider feed of the stable channel (latest.yml, installers), for apps of earlier versions',
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'file' }, '404': errorBody },
    },
    post: undefined,
  },
  '/updates/{channel}/{file}': {
    get: {
      summary: "electron-updater generic-provider feed of a channel: latest*.yml of the channel's newest live release, installers",
      parameters: [
        { name: 'channel', in: 'path', required: true, schema: { type: 'string', enum: ['pilot', 'stable'] } },
        { name: 'file', in: 'path', required: true, schema: { type: 'string' } },
      ],
      responses: { '200': { description: 'file' }, '404': errorBody },
    },
    post: undefined,
  },
  ...consoleRoutes,
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
const json = (schema: z.ZodType, io: 'input' | 'output', description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(schema, io) } },
});

function describeRoute(route: Route) {
  return {
    summary: route.summary,
    ...(route.signed ? { security: [{ deviceSignature: [] }] } : {}),
    ...(route.console && route.console !== 'none' ? { security: [{ consoleSession: [] }], 'x-console-role': route.console } : {}),
    ...(route.parameters ? { parameters: route.parameters } : {}),
    ...(route.request ? { requestBody: json(route.request, 'input', 'JSON') } : {}),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, reply]) => [
        status,
        reply instanceof z.ZodType ? json(reply, 'output', status.startsWith('2') ? 'JSON' : 'Error: code, Vietnamese message, English message') : reply,
      ]),
    ),
  };
}

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
      consoleSession: {
        type: 'apiKey',
        in: 'cookie',
        name: 'fo_console',
        description:
          "The provincial console's session (POST /console/api/session); POST and DELETE also need the header x-console-request: 1 (docs/console.md).",
      },
    },
  },
  paths: Object.fromEntries(
    Object.entries(routes).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).flatMap(([method, route]) => (route ? [[method, describeRoute(route)]] : []))),
    ]),
  ),
};
