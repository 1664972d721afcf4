// English strings; the same keys as vi.ts (a test keeps them in step).
import type { vi } from './vi';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof vi> = {
  app: { title: 'Field Office — VSS', loading: 'Loading…' },
};
