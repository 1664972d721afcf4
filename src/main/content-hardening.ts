// What every web page of the app may not do, set once for the session and for every web contents
// as it is created: the Content-Security-Policy header on every response, no permission (camera,
// notifications, geolocation…) granted, no webview attached, no navigation away from the app, no
// new window — an https link goes to the system browser, anything else nowhere.
import type { App, Session, Shell, WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy';

export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Links the app shows (a law's text, the central's page) open in the browser; only https ones. */
export function isExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function hardenContents(app: App, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
