// Listens for Ctrl + / Ctrl − / Ctrl 0 anywhere in the app (before the browser zooms on its own) and
// re-renders the app at the new text scale, so the lists that fill the window measure again.
import { useEffect, useState } from 'react';
import { applyTextScale, scaleForKey, textScale } from './text-size';

export function useTextSize(): number {
  const [scale, setScale] = useState(textScale);
  useEffect(() => {
    applyTextScale(textScale());
    const onKey = (event: KeyboardEvent) => {
      const next = scaleForKey(event, textScale());
      if (next === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      applyTextScale(next);
      setScale(next);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return scale;
}
