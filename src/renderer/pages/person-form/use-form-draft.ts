// Keeps an unsaved registration in the office store while the clerk types (a moment after the
// last keystroke), and offers it back when the form opens again after a crash, a flat battery or
// a closed window. The core keeps one draft per staff member, shown to no one else.
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../shared/contract/draft';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';

const FORM = 'person-register';
const SETTLE_MS = 700;

type Values = Record<string, unknown>;

/** The form's values as the draft stores them: text, dates as YYYY-MM-DD, nothing undefined. */
function toDraft(values: Values): Draft['data'] {
  const data: Draft['data'] = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    data[key] =
      value === null || value === ''
        ? null
        : dayjs.isDayjs(value)
          ? (value as Dayjs).format('YYYY-MM-DD')
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
  }
  return data;
}

/** Fields the draft keeps as text that the form holds as dates, yes/no, or an object. */
const DATES = ['dateOfBirth', 'povertyValidFrom', 'povertyValidTo'];
const FLAGS = ['student', 'agriAverage'];

function fromDraft(data: Draft['data']): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === null) continue;
    if (DATES.includes(key)) values[key] = dayjs(value);
    else if (FLAGS.includes(key)) values[key] = value === 'true';
    else if (key === 'legacyAddress') values[key] = JSON.parse(value) as unknown;
    else values[key] = value;
  }
  return values;
}

/** Only what the clerk typed counts: the defaults a new form opens with are not worth a draft. */
const TYPED = ['fullName', 'dateOfBirth', 'personalId', 'siNumber', 'phone', 'communeCode', 'addressLine'];

export function useFormDraft(enabled: boolean, restore: (values: Values) => void) {
  const found = useCall('drafts.get', enabled ? { form: FORM } : null, { gcTime: 0, staleTime: 0 });
  const [decided, setDecided] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef<Promise<unknown>>(Promise.resolve());
  const offer = enabled && !decided && found.data ? found.data : null;
  // While a found draft waits for the clerk's choice, typing does not overwrite it.
  const paused = !enabled || found.isLoading || offer !== null;

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const changed = useCallback(
    (values: Values) => {
      if (paused) return;
      if (timer.current) clearTimeout(timer.current);
      const data = toDraft(values);
      if (!TYPED.some((key) => data[key])) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        writing.current = call('drafts.save', { form: FORM, data }).then(
          (saved) => setSavedAt(saved.savedAt),
          () => undefined,
        );
      }, SETTLE_MS);
    },
    [paused],
  );

  return {
    offer,
    savedAt,
    changed,
    restore() {
      if (offer) restore(fromDraft(offer.data));
      setDecided(true);
    },
    async discard() {
      setDecided(true);
      await call('drafts.discard', { form: FORM }).catch(() => undefined);
    },
    /** The person was saved: the draft has done its work. */
    async saved() {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      await writing.current; // a draft write already on its way must not land after the discard
      if (enabled) await call('drafts.discard', { form: FORM }).catch(() => undefined);
    },
  };
}
