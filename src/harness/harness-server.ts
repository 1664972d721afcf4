// The browser harness: the built renderer and the core's handler table over loopback HTTP.
//   POST /rpc/<method>  JSON body → {ok:true,value} | {ok:false,error:{code,message,field}}
//   Authorization: Bearer <token from auth.login / office.setup>
// Everything else serves out/renderer (the same files Electron loads). Bound to 127.0.0.1 only, and
// answers only its own page (request-guard.ts: Host and Origin); a malformed path is a 400 and a
// body over the limit a 413, each with the typed envelope.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Invoke } from '../main/core/dispatcher';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { ownHosts, refuseForeign } from './request-guard';

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HarnessOptions {
  invoke: Invoke;
  rendererDir: string;
  port: number;
  host?: string;
}

export function startHarness(options: HarnessOptions): Promise<Server> {
  const root = resolve(options.rendererDir);
  let hosts: ReadonlySet<string> = new Set();
  const server = createServer((req, res) => {
    handle(req, res, options.invoke, root, hosts).catch((error) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Lỗi hệ thống.', 'Internal error.');
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      // The port it really listens on (0 asks for any): the Host and Origin its page uses.
      hosts = ownHosts((server.address() as AddressInfo).port, options.host);
      resolvePromise(server);
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, invoke: Invoke, root: string, hosts: ReadonlySet<string>): Promise<void> {
  const refusal = refuseForeign(req, hosts);
  if (refusal) {
    req.resume();
    return sendError(res, refusal.status, refusal.code, refusal.vi, refusal.en);
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    req.resume();
    return sendError(res, 400, 'VALIDATION', 'Địa chỉ yêu cầu có mã thoát (%) không hợp lệ.', 'The request path has a malformed % escape.');
  }
  if (pathname.startsWith('/rpc/')) {
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, 405, 'VALIDATION', 'Chỉ nhận POST.', 'Only POST is accepted.');
    }
    const method = pathname.slice('/rpc/'.length);
    const body = await readBody(req, res);
    if (body === null) return;
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendError(res, 400, 'VALIDATION', 'Nội dung yêu cầu không phải JSON hợp lệ.', 'Body is not valid JSON.');
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const result = await invoke(method, input, token);
    return sendJson(res, 200, result);
  }
  return serveStatic(pathname, res, root);
}

function serveStatic(pathname: string, res: ServerResponse, root: string): void {
  const relative = normalize(pathname).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return void sendText(res, 403, 'Forbidden');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return void sendText(res, 404, 'The renderer is not built: run `npm run build`.');
  res.writeHead(200, {
    'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

/**
 * The request's body as text, or null when it was too large — then the 413 is already sent. A
 * declared length over the limit is refused before a byte is read; a body that runs past it while
 * arriving stops being kept at the limit, is answered 413 and the connection closed after it.
 */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const tooLarge = () => {
    res.setHeader('connection', 'close');
    sendError(res, 413, 'VALIDATION', 'Nội dung yêu cầu quá lớn.', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    res.once('finish', () => req.destroy());
  };
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    tooLarge();
    return Promise.resolve(null);
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        tooLarge();
        resolvePromise(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolvePromise(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => (over ? undefined : reject(error)));
  });
}

/** The typed envelope every refusal carries: `{ok:false, error:{code, message, messageEn}}`. */
function sendError(res: ServerResponse, status: number, code: string, message: string, messageEn: string): void {
  sendJson(res, status, { ok: false, error: { code, message, messageEn } });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
