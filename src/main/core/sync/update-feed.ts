// Where this office's app looks for updates: its own central's feed for the channel the central
// set for it (`office.update-channel`, pull-applier.ts), or nowhere while it is not enrolled. The
// desktop shell's update controller asks it before each check (src/main/update-controller.ts).
import type { Kysely } from 'kysely';
import { updateSource } from '../db/repositories/sync-state-repository';
import type { Database } from '../db/schema';

export interface UpdateFeed {
  url: string;
  channel: 'pilot' | 'stable';
}

export async function updateFeedOf(db: Kysely<Database>): Promise<UpdateFeed | null> {
  const source = await updateSource(db);
  if (!source.centralUrl || !source.enrolledAt) return null;
  const base = source.centralUrl.replace(/\/?$/, '/');
  return { url: new URL(`updates/${source.updateChannel}/`, base).toString(), channel: source.updateChannel };
}
