// The size of everything on screen, for eyes that need it larger: Ctrl + and Ctrl − step through a
// few sizes, Ctrl 0 goes back to normal, and the choice is kept on this machine (a counter PC has
// its own clerk and its own screen). It scales the page like a browser's zoom — the layout gets a
// narrower, shorter page to fill rather than larger text in boxes of the old size — so the screens
// keep their layout at 1366×768; lists that fill the window read the scale to size themselves.
const KEY = 'field-office.text-scale';
export const TEXT_SCALES = [0.9, 1, 1.15, 1.3] as const;

function stored(): number {
  const value = Number(typeof localStorage === 'undefined' ? NaN : localStorage.getItem(KEY));
  return (TEXT_SCALES as readonly number[]).includes(value) ? value : 1;
}

let scale = stored();

/** The scale in use (1 = normal). */
export function textScale(): number {
  return scale;
}

export function applyTextScale(next: number): void {
  scale = next;
  document.documentElement.style.setProperty('--text-scale', String(next));
  localStorage.setItem(KEY, String(next));
}

/** The next scale for a key: Ctrl + larger, Ctrl − smaller, Ctrl 0 normal; undefined for any other key. */
export function scaleForKey(event: KeyboardEvent, current: number): number | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const at = TEXT_SCALES.indexOf(current as (typeof TEXT_SCALES)[number]);
  if (event.key === '+' || event.key === '=') return TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, at + 1)];
  if (event.key === '-' || event.key === '_') return TEXT_SCALES[Math.max(0, at - 1)];
  if (event.key === '0') return 1;
  return undefined;
}

/** The window's height in the page's own pixels (a larger text scale leaves fewer of them). */
export function pageHeight(): number {
  return window.innerHeight / scale;
}
