// Keyboard shortcuts for a screen. Each binding is a key description like 'F2', 'Ctrl+S',
// 'Alt+H', 'Escape'; bindings are active while the component is mounted and no modal is open
// (an open antd modal owns the keyboard, so the form underneath is not changed by accident).
import { useEffect, useRef } from 'react';

export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>;

function describe(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && event.key.length > 1) parts.push('Shift');
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  parts.push(key);
  return parts.join('+');
}

/** A dialog open, not one already fading out after its OK or Cancel (~0.3 s). */
function modalOpen(): boolean {
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal:not([class*="-leave"])') !== null;
}

function editable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A button or link with the focus: its own Enter presses it. */
function pressable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (['BUTTON', 'A'].includes(target.tagName) || target.getAttribute('role') === 'button');
}

/**
 * A list or date picker open. A select says so itself on its focused input (`aria-expanded`, set
 * as it opens and cleared the moment it picks), so a list still fading out after a pick — or not
 * yet marked as leaving on a busy machine — does not count. A date picker has no such attribute:
 * its panel counts until its leave animation starts.
 */
function popupOpen(): boolean {
  const focused = document.activeElement;
  if (focused?.getAttribute('role') === 'combobox') return focused.getAttribute('aria-expanded') === 'true';
  return document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-leave"])') !== null;
}

export function useHotkeys(map: HotkeyMap, options: { allowInModal?: boolean } = {}): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!options.allowInModal && modalOpen()) return;
      // Esc first closes an open dropdown or date picker; only then does it mean "back".
      if (event.key === 'Escape' && popupOpen()) return;
      const name = describe(event);
      // Plain keys (arrows, Enter) belong to the field being typed in; only F-keys, Esc and
      // modified keys act as screen shortcuts from inside an input.
      if (!/^(F\d+|Escape)$|\+/.test(name) && editable(event.target)) return;
      if (name === 'Enter' && pressable(event.target)) return;
      const handler = ref.current[name];
      if (handler) {
        event.preventDefault();
        event.stopPropagation();
        handler(event);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [options.allowInModal]);
}
