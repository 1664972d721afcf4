// The console's routes in the central's OpenAPI document (http/openapi.ts), generated from the
// contract's zod schemas (src/shared/console/console-api.ts) like every other route.
import { errorBody } from '../../shared/sync/protocol';
import {
  collectorsResponse,
  devicesResponse,
  enrollmentCodeResponse,
  heldResponse,
  officesResponse,
  reanchorAuditRequest,
  reanchorAuditResponse,
  ok,
  receiptsResponse,
  reviewSignalRequest,
  sessionInfo,
  signalsResponse,
  signInRequest,
  signInFailuresResponse,
  staffPasswordRequest,
  staffResponse,
} from '../../shared/console/console-api';
import { centralVerification } from '../../shared/verification/central-verification';
import type { Route } from '../http/openapi-route';

const query = (name: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', schema });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
/** What every console route may answer besides its own: signed out or expired, forbidden (role or missing header). */
const refusals = { '401': errorBody, '403': errorBody };

export const consoleRoutes: Record<string, Partial<Record<'get' | 'post' | 'delete', Route>>> = {
  '/console/api/session': {
    post: {
      summary: 'Console: sign in (sets the HttpOnly, SameSite=Strict cookie fo_console); 401 AUTH_FAILED, 423 LOCKED, 429 per address',
      console: 'none',
      request: signInRequest,
      responses: { '200': sessionInfo, '400': errorBody, '401': errorBody, '403': errorBody, '423': errorBody, '429': errorBody },
    },
    get: { summary: 'Console: the signed-in account', console: 'reviewer', responses: { '200': sessionInfo, ...refusals } },
    delete: { summary: 'Console: sign out', console: 'none', responses: { '200': ok, '403': errorBody } },
  },
  '/console/api/offices': {
    get: {
      summary: 'Console: offices with devices, backlog, open items and coverage',
      console: 'reviewer',
      responses: { '200': officesResponse, ...refusals },
    },
  },
  '/console/api/devices': {
    get: {
      summary: 'Console: devices with backlog and audit head',
      console: 'reviewer',
      parameters: [query('office')],
      responses: { '200': devicesResponse, '400': errorBody, ...refusals },
    },
  },
  '/console/api/devices/{id}/revoke': {
    post: {
      summary: 'Console: revoke a device (administrator)',
      console: 'administrator',
      parameters: [path('id')],
      responses: { '200': ok, '404': errorBody, ...refusals },
    },
  },
  '/console/api/devices/{id}/audit-reanchor': {
    post: {
      summary: 'Console: hold a device’s refused audit log from its newest signed head, with a note (administrator; ADR 0028)',
      console: 'administrator',
      parameters: [path('id')],
      request: reanchorAuditRequest,
      responses: { '200': reanchorAuditResponse, '400': errorBody, '404': errorBody, '409': errorBody, ...refusals },
    },
  },
  '/console/api/offices/{code}/enrollment-codes': {
    post: {
      summary: 'Console: issue a one-time enrollment code (administrator)',
      console: 'administrator',
      parameters: [path('code')],
      responses: { '200': enrollmentCodeResponse, '400': errorBody, '404': errorBody, ...refusals },
    },
  },
  '/console/api/held': {
    get: {
      summary: 'Console: held registrations and payments to review (admin held)',
      console: 'reviewer',
      parameters: [query('all', { type: 'string', enum: ['0', '1'] })],
      responses: { '200': heldResponse, ...refusals },
    },
  },
  '/console/api/held/{opId}/review': {
    post: {
      summary: 'Console: mark a held item reviewed (admin review)',
      console: 'reviewer',
      parameters: [path('opId')],
      responses: { '200': ok, '404': errorBody, '409': errorBody, ...refusals },
    },
  },
  '/console/api/signals': {
    get: {
      summary: 'Console: fraud signals (status open by default)',
      console: 'reviewer',
      parameters: [query('office'), query('kind'), query('status', { type: 'string', enum: ['open', 'reviewed', 'cleared', 'all'] })],
      responses: { '200': signalsResponse, '400': errorBody, ...refusals },
    },
  },
  '/console/api/signals/{key}/review': {
    post: {
      summary: 'Console: review a finding with a note',
      console: 'reviewer',
      parameters: [path('key')],
      request: reviewSignalRequest,
      responses: { '200': ok, '400': errorBody, '404': errorBody, '409': errorBody, ...refusals },
    },
  },
  '/console/api/receipts': {
    get: {
      summary: 'Console: receipts, newest first (drill-down)',
      console: 'reviewer',
      parameters: [query('office'), query('device'), query('collector'), query('from'), query('to'), query('limit', { type: 'integer', maximum: 500 })],
      responses: { '200': receiptsResponse, '400': errorBody, ...refusals },
    },
  },
  '/console/api/receipts/verify': {
    get: {
      summary: 'Console: the public receipt check, without its per-address limit',
      console: 'reviewer',
      parameters: [{ ...query('p'), required: true }],
      responses: { '200': centralVerification, '400': errorBody, ...refusals },
    },
  },
  '/console/api/collectors': {
    get: {
      summary: 'Console: receipts, voids and refunds per collector over 30 days',
      console: 'reviewer',
      parameters: [query('office')],
      responses: { '200': collectorsResponse, '400': errorBody, ...refusals },
    },
  },
  '/console/api/staff': {
    get: { summary: 'Console: staff accounts (administrator)', console: 'administrator', responses: { '200': staffResponse, ...refusals } },
  },
  '/console/api/sign-in-failures': {
    get: {
      summary: 'Console: refused sign-ins of the last 30 days per day and name, kept 400 days (administrator; as admin staff failures)',
      console: 'administrator',
      responses: { '200': signInFailuresResponse, ...refusals },
    },
  },
  '/console/api/staff/{username}/disable': {
    post: {
      summary: 'Console: disable an account and end its sessions (administrator; as admin staff disable); 409 for one’s own',
      console: 'administrator',
      parameters: [path('username')],
      responses: { '200': ok, '400': errorBody, '404': errorBody, '409': errorBody, ...refusals },
    },
  },
  '/console/api/staff/{username}/password': {
    post: {
      summary: 'Console: a new password for an account, its lockout lifted and its sessions ended (administrator; as admin staff password)',
      console: 'administrator',
      parameters: [path('username')],
      request: staffPasswordRequest,
      responses: { '200': ok, '400': errorBody, '404': errorBody, ...refusals },
    },
  },
};
