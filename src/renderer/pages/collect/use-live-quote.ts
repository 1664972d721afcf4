// The amount of a payment being typed, asked of the core a moment after the typing stops, and the
// clerk's Enter: it records at once when the amount shown is for what is typed; pressed while the
// amount is still being worked out, it asks at once and records as soon as that answer is shown —
// unless the answer is a refusal or the clerk types on. A value that did not parse gives no input
// (null), so it is never quoted and never recorded.
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/use-debounced';
import type { InvokeInput, InvokeOutput } from '../../../shared/contract/invoke';

type QuoteMethod = 'contributions.quote' | 'contributions.quoteHousehold';

/** `record` is given the amount shown, for what is typed now. */
export function useLiveQuote<M extends QuoteMethod>(method: M, input: InvokeInput<M> | null, record: (shown: InvokeOutput<M>) => void) {
  const [wanted, setWanted] = useState<string | null>(null);
  const typed = input === null ? null : JSON.stringify(input);
  // One object per distinct input, so a re-render with the same values does not restart the pause.
  const [kept, keep] = useState({ typed, input });
  if (kept.typed !== typed) keep({ typed, input });
  const stable = kept.typed === typed ? kept.input : input;
  const debounced = useDebounced(stable, 300);
  // An Enter waiting for the amount skips the pause: the clerk has finished typing.
  const settled = wanted !== null && wanted === typed ? stable : debounced;
  const quote = useCall(method, settled, { placeholderData: keepPreviousData, staleTime: 0 });
  // A refused quote has no amount, even if the same period was quoted before (the cache keeps that
  // answer's data next to the new error: a household mark or a closed day changes the answer).
  const shown = quote.isError ? undefined : quote.data;
  const forTyped = typed !== null && JSON.stringify(settled) === typed && !quote.isFetching && !quote.isPlaceholderData;
  const upToDate = !!shown && forTyped;

  useEffect(() => {
    if (wanted === null) return;
    if (wanted !== typed || (forTyped && quote.isError)) setWanted(null);
    else if (upToDate && shown) {
      setWanted(null);
      record(shown);
    }
  }, [wanted, typed, forTyped, upToDate, shown, quote.isError, record]);

  return {
    quote,
    shown,
    upToDate,
    /** The core's refusal of what is typed now (not of what was typed a moment ago). */
    refusal: quote.isError && forTyped ? quote.error : null,
    /** True while an Enter waits for the amount of what is typed. */
    waiting: wanted !== null,
    /**
     * The clerk's Enter: records now, or as soon as the amount of what is typed is shown. `now` is
     * what the form holds at the keypress, read from the form itself: a change made a moment before
     * (the method a typed month count picks) may not have reached this render yet.
     */
    confirm(now: InvokeInput<M> | null = input) {
      const wantedNow = now === null ? null : JSON.stringify(now);
      if (wantedNow === null) return;
      if (upToDate && shown && wantedNow === typed) record(shown);
      else setWanted(wantedNow);
    },
  };
}
