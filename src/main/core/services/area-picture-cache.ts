// The area's picture kept between calls (issue 21 item 2, ADR 0034). Reading and computing a
// commune of 20 000 people is most of what a visit list costs; paging, a filter, a hamlet or a
// search over the same commune on the same day need none of it again. A picture is kept with the
// store's field change counter (migration 0028: a trigger raises it on every write to a table the
// list or the counter's quote reads) and served only while the counter has not moved and the day
// is the same; with it are kept what is derived from it once — each person's search words, the
// hamlets' order and the amounts the counter's quote gave — so they share its lifetime exactly.
// The counter is read before the picture: a write landing between the two makes the picture newer
// than its counter says, which only costs a recomputation on the next call, never a stale answer.
import type { Kysely } from 'kysely';
import type { VisitPerson } from '../../../shared/contract/field';
import { hamletLabel } from '../../../shared/domain/hamlets';
import { foldName } from '../../../shared/domain/name-folding';
import type { CoreContext } from '../core-context';
import { fieldChangeCount } from '../db/repositories/visit-list-repository';
import type { Database, HamletsTable } from '../db/schema';
import { type AreaPerson, type AreaPicture, areaPicture, searchText } from './area-picture';

/** Pictures kept per store: a supervisor flips between a few communes; each is ~20 MB for 20 000 people. */
const KEPT = 3;

export interface KeptPicture extends AreaPicture {
  /** The person's folded search words (name, address, hamlet, personal ID, phone), made once. */
  words(person: AreaPerson): string[];
  /** Each hamlet's place in the list's order ("Thôn 2" before "Thôn 10"), made once. */
  hamletRanks(): Map<string, number>;
  /** What the counter's quote gave for a person today, once asked (visit-list-service.ts). */
  readonly amounts: Map<string, VisitPerson['due']>;
}

interface Kept {
  key: string;
  count: number;
  picture: KeptPicture;
}

const kept = new WeakMap<Kysely<Database>, Kept[]>();

const hamletCollator = new Intl.Collator('vi', { numeric: true });

function keep(picture: AreaPicture): KeptPicture {
  const words = new Map<string, string[]>();
  let ranks: Map<string, number> | null = null;
  return {
    ...picture,
    amounts: new Map(),
    words(person) {
      let w = words.get(person.id);
      if (!w) {
        w = searchText(person, picture.hamlets).split(' ');
        words.set(person.id, w);
      }
      return w;
    },
    hamletRanks() {
      ranks ??= hamletRanksOf(picture.hamlets);
      return ranks;
    },
  };
}

/** Hamlets' labels in the list's order, compared once per hamlet, not once per pair of households. */
function hamletRanksOf(hamlets: Map<string, HamletsTable>): Map<string, number> {
  const labels = [...hamlets.values()].map((h) => ({ id: h.id, label: foldName(hamletLabel(h)) }));
  labels.sort((a, b) => hamletCollator.compare(a.label, b.label));
  return new Map(labels.map((h, i) => [h.id, i]));
}

/** The picture of these communes today: the kept one while no write has happened since, else read anew. */
export async function keptAreaPicture(ctx: CoreContext, communeCodes: readonly string[], asOf: string): Promise<KeptPicture> {
  const count = await fieldChangeCount(ctx.db);
  if (count < 0) return keep(await areaPicture(ctx, communeCodes, asOf));
  const key = `${asOf}|${[...communeCodes].sort().join(',')}`;
  const list = kept.get(ctx.db) ?? [];
  kept.set(ctx.db, list);
  const at = list.findIndex((k) => k.key === key);
  if (at >= 0 && list[at]!.count === count) {
    const [hit] = list.splice(at, 1);
    list.unshift(hit!);
    return hit!.picture;
  }
  const picture = keep(await areaPicture(ctx, communeCodes, asOf));
  const again = list.findIndex((k) => k.key === key);
  if (again >= 0) list.splice(again, 1);
  list.unshift({ key, count, picture });
  list.length = Math.min(list.length, KEPT);
  return picture;
}
