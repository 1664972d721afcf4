// Data-entry keyboard habit: Enter in a form field moves to the next field, as on the paper-form
// order; Enter in the last field submits. An open select or date picker keeps its own Enter
// (choosing the option / confirming the typed date) and then the focus moves on.
import type { KeyboardEvent, ReactNode } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]):not([tabindex="-1"]), textarea:not([disabled])';

/** The fields in tab order; of a radio group only the checked radio (else the first) counts. */
function fields(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return el.offsetParent !== null;
    const group = [...container.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`)];
    return (group.find((r) => r.checked) ?? group[0]) === el;
  });
}

export function EnterMovesFocus({ children, onSubmit }: { children: ReactNode; onSubmit: () => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
    // A select whose list is open: Enter picks the option; the next Enter moves on.
    if (target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    const list = fields(event.currentTarget);
    const index = list.indexOf(target);
    // Not one of the form's fields (e.g. inside a popup): Enter does nothing here, never a save.
    if (index < 0) return;
    const next = list[index + 1];
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement && next.type === 'text') next.select();
    } else {
      onSubmit();
    }
  };
  return <div onKeyDown={onKeyDown}>{children}</div>;
}
