// Who may talk to the harness: only its own page. It listens on 127.0.0.1, but a web page the clerk
// opens elsewhere can still reach a loopback port — by DNS rebinding (a name of the attacker's that
// resolves to 127.0.0.1, so the browser sends `Host: evil.example:5180`) or by a cross-site form
// post (`Origin: https://evil.example`). So a request is answered only when its Host is
// 127.0.0.1:<port> or localhost:<port> and its Origin, when it has one, is the harness's own; a
// browser that says the request is cross-site (Sec-Fetch-Site) is refused too.
import type { IncomingMessage } from 'node:http';

export type Refusal = { status: number; code: 'FORBIDDEN'; vi: string; en: string };

/** The Host values the harness answers to, for the port it listens on. */
export function ownHosts(port: number, host = '127.0.0.1'): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${host}:${port}`].map((h) => h.toLowerCase()));
}

/** Why a request is not from the harness's own page, or null when it is. */
export function refuseForeign(req: IncomingMessage, hosts: ReadonlySet<string>): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      vi: 'Yêu cầu không gửi tới địa chỉ của Field Office trên máy này; bị từ chối.',
      en: 'The request was not addressed to Field Office on this machine; refused.',
    };
  }
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  if ((origin !== undefined && !hosts.has(hostOfOrigin(origin))) || fetchSite === 'cross-site') {
    return {
      status: 403,
      code: 'FORBIDDEN',
      vi: 'Yêu cầu đến từ một trang khác, không phải trang của Field Office; bị từ chối.',
      en: 'The request came from another page, not Field Office’s own; refused.',
    };
  }
  return null;
}

/** `host:port` of an `http://` origin, or '' for anything else (`null`, https, a malformed one). */
function hostOfOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' || url.origin !== origin.toLowerCase()) return '';
    return url.host.toLowerCase();
  } catch {
    return '';
  }
}
