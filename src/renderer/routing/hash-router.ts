// A tiny hash router: routes are `#/path/segments?query`. No dependency; the app is offline and
// has a handful of screens, so a pattern table and a hook are all that is needed.
import { useEffect, useState } from 'react';

export interface Route {
  /** Path segments, e.g. ['person', '<id>'] for `#/person/<id>`. */
  segments: string[];
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function currentRoute(): Route {
  return parse(window.location.hash);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => currentRoute());
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Builds a hash href from segments: href('person', id) → '#/person/<id>'. */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

/** A hash href with query parameters: hrefWith(['new'], { household: id }) → '#/new?household=<id>'. */
export function hrefWith(segments: string[], params: Record<string, string>): string {
  return `${href(...segments)}?${new URLSearchParams(params).toString()}`;
}

export function navigate(...segments: string[]): void {
  window.location.hash = href(...segments);
}

/** Navigates without leaving the current screen in history (a saved form is not "back"). */
export function replaceRoute(...segments: string[]): void {
  window.location.replace(href(...segments));
}

/** Esc "back": the browser history when there is one, otherwise home. */
export function goBack(): void {
  if (window.history.length > 1) window.history.back();
  else navigate();
}
