// Data-entry keyboard habit: Enter in a form field moves to the next field, as on the paper-form
// order; Enter in the last field submits. An open select keeps its own Enter — it picks the
// highlighted option — and then the focus moves on, so "ha noi" Enter "ba dinh" Enter fills
// province and commune; with no option highlighted (nothing matches) the cursor stays to retype.
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

/** Whether an open select's Enter will pick an option: one is highlighted (`…_list_-1` is none). */
function picksAnOption(combobox: HTMLElement): boolean {
  const active = combobox.getAttribute('aria-activedescendant');
  return !!active && !active.endsWith('_-1') && document.getElementById(active) !== null;
}

export function EnterMovesFocus({ children, onSubmit }: { children: ReactNode; onSubmit: () => void }) {
  /** Moves from `from` to the field after it; from the last one it submits when `submit` says so. */
  const moveOn = (container: HTMLElement, from: HTMLElement, submit: boolean) => {
    const list = fields(container);
    const index = list.indexOf(from);
    // Not one of the form's fields (e.g. inside a popup): Enter does nothing here, never a save.
    if (index < 0) return;
    const next = list[index + 1];
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement && next.type === 'text') next.select();
    } else if (submit) {
      onSubmit();
    }
  };
  // Selects are handled in the capture phase, before the select sees the key: an open one keeps
  // its Enter, a closed one must not get it (it would open its list and leave it open behind the
  // cursor as it moves on).
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'combobox') return;
    const container = event.currentTarget;
    if (target.getAttribute('aria-expanded') === 'true') {
      // After the select has taken the option (and a province its communes' reset). Picking in
      // the last field does not save: the clerk sees the choice, the next Enter saves.
      if (picksAnOption(target)) setTimeout(() => moveOn(container, target, false));
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    moveOn(container, target, true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
    if (target.getAttribute('role') === 'combobox') return; // handled in the capture phase
    event.preventDefault();
    moveOn(event.currentTarget, target, true);
  };
  return (
    <div onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
