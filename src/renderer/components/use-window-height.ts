// The window's inner height, kept current on resize: virtual lists need a pixel height, and
// office PCs range from 1366×768 to large monitors.
import { useEffect, useState } from 'react';

export function useWindowHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}
