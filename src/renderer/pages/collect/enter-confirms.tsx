// The collect forms' Enter: from any field it asks to record the payment (the form is checked
// first; a field that does not parse keeps the cursor and says why). An open list or month picker
// keeps its own Enter (it picks), and a button its own (it presses).
import type { KeyboardEvent, ReactNode } from 'react';

function popupOpen(target: HTMLElement): boolean {
  if (target.getAttribute('role') === 'combobox') return target.getAttribute('aria-expanded') === 'true';
  return !!target.closest('.ant-picker') && document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-leave"])') !== null;
}

export function EnterConfirms({ onEnter, children }: { onEnter: () => void; children: ReactNode }) {
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target instanceof HTMLTextAreaElement) return;
    if (popupOpen(target)) return;
    event.preventDefault();
    event.stopPropagation();
    onEnter();
  };
  return <div onKeyDownCapture={onKeyDownCapture}>{children}</div>;
}
