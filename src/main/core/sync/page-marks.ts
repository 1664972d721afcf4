// What a pulled page writes that the visit list reads (issue 21, ADR 0039), named once for the page
// instead of by a trigger per row: while the page is applied the triggers only test the store's
// switch (`field_changes.pulling`), and the page's people, households, voided receipts and
// hamlets' communes are marked set-wise at its end. A page about more than a few hundred of them —
// a new device's picture fill — marks everything once: each commune is then made whole on its next
// list, cheaper than person by person.
import type { CentralChange } from '../../../shared/sync/changes';
import type { VisitDirtyTable } from '../db/schema';

/** Marks beyond which a page marks everything. */
export const PAGE_MARKS_AT_MOST = 500;

export interface PageMarks {
  marks: VisitDirtyTable[];
  /** Personal IDs of pulled people: a pulled record may land on a local one of another id. */
  personalIds: string[];
  /** Households whose members may change: their members before the page are marked too. */
  households: string[];
}

const markAll = (): PageMarks => ({ marks: [{ kind: 'all', key: '' }], personalIds: [], households: [] });

export function pageMarks(changes: readonly CentralChange[]): PageMarks {
  const keys = new Set<string>();
  const personalIds = new Set<string>();
  const households = new Set<string>();
  const mark = (kind: VisitDirtyTable['kind'], key: string | null | undefined) => {
    if (key) keys.add(`${kind}\u0000${key}`);
  };
  for (const c of changes) {
    // Past the bound the page marks everything, whatever else it holds: the rest need not be named.
    if (keys.size + personalIds.size > PAGE_MARKS_AT_MOST) return markAll();
    switch (c.kind) {
      case 'participant':
        mark('p', c.payload.id);
        mark('p', c.payload.canonicalId);
        personalIds.add(c.payload.personalId);
        break;
      case 'visit':
        mark('p', c.payload.participantId);
        mark('h', c.payload.householdId);
        break;
      case 'hamlet':
        mark('c', c.payload.communeCode);
        break;
      case 'contribution':
      case 'paid-through':
      case 'enrollment':
        mark('p', c.payload.participantId);
        break;
      case 'receipt.voided':
        mark('r', c.payload.receiptId);
        break;
      case 'household':
        mark('h', c.payload.id);
        households.add(c.payload.id);
        for (const m of c.payload.members) mark('p', m.participantId);
        break;
      case 'reference.contribution-rates':
      case 'reference.admin-units':
        // What the counter's quote reads: the amounts kept in memory are priced again.
        mark('q', '-');
        break;
      default:
        // Areas, keys, days, handovers, settled reviews: nothing the facts or the quote hold.
        break;
    }
  }
  const marks = [...keys].map((k) => {
    const [kind, key] = k.split('\u0000') as [VisitDirtyTable['kind'], string];
    return { kind, key };
  });
  if (marks.length + personalIds.size > PAGE_MARKS_AT_MOST) return markAll();
  return { marks, personalIds: [...personalIds], households: [...households] };
}
