// How much of the window is left below an element, kept current on resize: a list that scrolls in
// that space keeps the rest of the screen — and its confirm button — in view at 1366×768.
import { useLayoutEffect, useRef, useState } from 'react';
import { textScale } from './text-size';

/** `reserve`: what must stay visible below the element (the shortcut bar, margins), in pixels. */
export function useRemainingHeight<E extends HTMLElement>(reserve: number, least = 120) {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(least);
  useLayoutEffect(() => {
    const measure = () => {
      // Measured on screen (zoomed by the text scale), given in the page's own pixels.
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(least, Math.floor((window.innerHeight - top) / textScale() - reserve)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  return { ref, height };
}
