// One route as the OpenAPI document describes it: shared by the central's routes (openapi.ts)
// and the console's (console/console-openapi.ts), which openapi.ts gathers — its own file, so the
// two need not import each other.
import type { z } from 'zod';

export interface Route {
  summary: string;
  signed?: boolean;
  /** A console route: the session cookie of staff of at least this role. */
  console?: 'reviewer' | 'administrator' | 'none';
  request?: z.ZodType;
  parameters?: unknown[];
  /** JSON replies by status; `text` and `file` replies are described by hand. */
  responses: Record<string, z.ZodType | { description: string; content?: unknown }>;
}
