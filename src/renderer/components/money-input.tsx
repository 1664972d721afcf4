// An amount of đồng as a clerk types it: digits grouped the Vietnamese way as they are typed
// (3.000.000), "2tr" / "2,5 triệu" / "500k" read when the field is left, anything else refused
// beside the field with the reason and an example. The form holds the text; moneyRule() checks
// it and typedDong() reads it, so a value that did not parse can never be sent (Enter included).
import { Input, type InputProps, type InputRef } from 'antd';
import type { Rule } from 'antd/es/form';
import { forwardRef, useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { i18n } from '../i18n/setup';
import { groupDigits, parseTypedCount, parseTypedDong, regroupWhileTyping, type TypedAmount } from '../../shared/domain/typed-amount';
import { formatDong } from './money';

type Props = Omit<InputProps, 'value' | 'onChange'> & { value?: string | null; onChange?: (text: string) => void };

export const MoneyInput = forwardRef<InputRef, Props>(function MoneyInput({ value, onChange, onBlur, ...rest }, ref) {
  const own = useRef<InputRef>(null);
  const input = (ref && typeof ref === 'object' ? ref : own) as React.RefObject<InputRef | null>;
  // Where the caret goes once the regrouped text is on screen: set in the same commit (a frame
  // later, it could land after the clerk or a test had selected the text to replace it).
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const element = input.current?.input;
    if (caret.current !== null && element && document.activeElement === element) element.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const element = event.target;
    const next = regroupWhileTyping(element.value, element.selectionStart ?? element.value.length);
    if (next.text !== element.value) caret.current = next.caret;
    onChange?.(next.text);
  };
  return (
    <Input
      {...rest}
      ref={input}
      inputMode="decimal"
      autoComplete="off"
      suffix="đ"
      value={value ?? ''}
      onChange={change}
      onBlur={(event) => {
        // "2tr" becomes "2.000.000" once the clerk moves on: what will be paid, as it will print.
        const read = parseTypedDong(event.target.value);
        if (read.ok && read.value !== null) onChange?.(groupDigits(read.value));
        onBlur?.(event);
      }}
    />
  );
});

/** The text of an amount the form starts with (null → empty). */
export function dongText(value: number | null | undefined): string {
  return value == null ? '' : groupDigits(value);
}

/** The typed amount, or undefined when it is empty or does not parse. */
export function typedDong(text: string | null | undefined): number | undefined {
  const read = parseTypedDong(text ?? '');
  return read.ok && read.value !== null ? read.value : undefined;
}

/** The typed count, or undefined when it is empty or does not parse. */
export function typedCount(text: string | null | undefined): number | undefined {
  const read = parseTypedCount(text ?? '');
  return read.ok && read.value !== null ? read.value : undefined;
}

function problemText(read: TypedAmount & { ok: false }, kind: 'money' | 'count'): string {
  return i18n.t(`typed.${kind}.${read.problem}`);
}

function rangeRule(value: number, range: { min?: number; max?: number }, show: (n: number) => string): string | null {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  if (value >= min && value <= max) return null;
  return range.max === undefined ? i18n.t('typed.atLeast', { min: show(min) }) : i18n.t('typed.range', { min: show(min), max: show(max) });
}

type Range = { min?: number; max?: number; required?: boolean };

/** A form rule that reads the text as `kind` and refuses what does not read, or lies outside the range, with why (never clamps). */
function typedRule(kind: 'money' | 'count', range: Range): Rule {
  const [parse, show] = kind === 'money' ? [parseTypedDong, formatDong] : [parseTypedCount, String];
  return {
    validator: async (_, text: string | undefined) => {
      const read = parse(text ?? '');
      if (!read.ok) throw new Error(problemText(read, kind));
      if (read.value === null) {
        if (range.required) throw new Error(i18n.t('common.required'));
        return;
      }
      const outside = rangeRule(read.value, range, show);
      if (outside) throw new Error(outside);
    },
  };
}

/** A form rule for a MoneyInput. */
export function moneyRule(range: Range = {}): Rule {
  return typedRule('money', range);
}

/** A form rule for a whole count typed as digits (months). */
export function countRule(range: Range & { min: number; max: number }): Rule {
  return typedRule('count', range);
}
