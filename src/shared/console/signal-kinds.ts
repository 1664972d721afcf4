// The kinds of fraud signal the central's detectors find (issue 22 item 5,
// src/central/signals/signal-detectors.ts), shared with the console's pages, which name each in
// words and filter by it.
export const signalKinds = [
  'VOID_RATE',
  'OUT_OF_HOURS',
  'CLOCK_SKEW',
  'BACKDATED',
  'SERIES_GAP',
  'SAME_PERSON_OFFICES',
  'SHARED_CONTACT',
  'SILENT_DEVICE',
] as const;
export type SignalKind = (typeof signalKinds)[number];
