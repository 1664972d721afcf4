// Printed sentences that carry a number which must not break over two lines: a receipt or voucher
// number (it broke at its hyphen), an amount (its "đ" wrapped onto a line of its own). Each such
// piece of the text is set unbreakable; the rest of the sentence wraps as it must.
import { Fragment, type ReactNode } from 'react';

export function keepWhole(text: string, wholes: readonly string[]): ReactNode {
  const pieces = wholes.filter((w) => w.length > 0);
  if (pieces.length === 0) return text;
  const pattern = new RegExp(`(${pieces.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return text.split(pattern).map((part, i) =>
    pieces.includes(part) ? (
      <span key={i} className="nowrap">
        {part}
      </span>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}
