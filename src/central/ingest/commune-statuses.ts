// The communes' dated statuses (island commune, special zone) the central derives VSI support
// with, as the offices do: read from the admin-units reference file the central ships
// (resources/reference/admin-units.json) when its database opens, kept for the process.
import { readFileSync } from 'node:fs';
import type { CommuneStatus } from '../../shared/domain/support-facts';

let statuses: CommuneStatus[] = [];

export function loadCommuneStatuses(file: string): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { communeStatuses?: CommuneStatus[] };
  statuses = data.communeStatuses ?? [];
}

export function communeStatuses(): readonly CommuneStatus[] {
  return statuses;
}
