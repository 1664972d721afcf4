// Unsaved form drafts: what a clerk has typed into the long registration form is kept in the
// office store while they type, so a crash, a flat battery or a closed window does not lose it.
// A draft belongs to the staff member who typed it; nobody else is shown it, and it is never sent.
import { z } from 'zod';
import { says } from './input-messages';

export const draftForm = z.enum(['person-register']);
export type DraftForm = z.infer<typeof draftForm>;

/** The form's fields as text (dates as YYYY-MM-DD), or null for an emptied field. */
export const draftData = z
  .record(z.string().max(40), z.union([z.string().max(500), z.null()]))
  .refine((data) => Object.keys(data).length <= 40, says('Bản nháp có quá nhiều trường.', 'The draft has too many fields.'));

export const draftInput = z.object({ form: draftForm }).strict();
export const saveDraftInput = z.object({ form: draftForm, data: draftData }).strict();
export const draft = z.object({ form: draftForm, data: draftData, savedAt: z.string() });
export type Draft = z.infer<typeof draft>;
