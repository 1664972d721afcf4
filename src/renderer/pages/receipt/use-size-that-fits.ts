// An A5 sheet (receipt, refund voucher) keeps to one page: its text is set at 11 pt and lowered
// half a point at a time (to 8 pt at least) while the sheet is taller than an A5 page, so that a
// long name, address or reason never pushes the signatures onto a second sheet. Measured on
// screen, where the sheet has its printed width — and measured again whenever the sheet's size
// changes afterwards (a face that loads late, another face on this machine), not only on the
// first render: a voucher whose names moved to a second page once printed that way.
import { useLayoutEffect, useRef, useState } from 'react';

/** An A5 sheet's height less a millimetre, in CSS pixels (96 per inch). */
const SHEET_PX = (209 / 25.4) * 96;
const FULL_SIZE_PT = 11;
const SMALLEST_PT = 8;

/** The text size (pt) for a sheet showing `content`, and the ref to put on the sheet. */
export function useSizeThatFits(content: unknown) {
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState({ content, pt: FULL_SIZE_PT });
  const pt = size.content === content ? size.pt : FULL_SIZE_PT;
  if (size.content !== content) setSize({ content, pt });
  useLayoutEffect(() => {
    const sheet = ref.current;
    if (!sheet) return;
    // Half a pixel of slack: the printed sheet's own min-height is exactly this tall.
    const shrinkIfTall = () => {
      if (pt > SMALLEST_PT && sheet.getBoundingClientRect().height > SHEET_PX + 0.5) setSize({ content, pt: pt - 0.5 });
    };
    shrinkIfTall();
    const observer = new ResizeObserver(shrinkIfTall);
    observer.observe(sheet);
    return () => observer.disconnect();
  }, [content, pt]);
  return { ref, pt };
}
