// The visit an officer is on: opened from the visit list (a person or a household), kept for the
// browser session so the person, household and collect pages know a payment taken there comes
// from a visit, and record "paid" on the visit list with it (contributions.record's `fieldVisit`).
// Ended when the officer is back on the list or the payment is recorded.
const KEY = 'field-office.visiting';

interface Visiting {
  /** Everyone the visit is about: the person, or the household's members. */
  participantIds: string[];
  householdId: string | null;
}

export function startVisit(visiting: Visiting): void {
  sessionStorage.setItem(KEY, JSON.stringify(visiting));
}

export function endVisit(): void {
  sessionStorage.removeItem(KEY);
}

function current(): Visiting | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Visiting) : null;
  } catch {
    return null;
  }
}

/**
 * Whether a payment for these people is taken on the current visit: they are the people visited,
 * or it is the visited household's payment (members who owed nothing may be paid for ahead too).
 */
export function onVisit(participantIds: readonly string[], householdId?: string): boolean {
  const v = current();
  if (!v || participantIds.length === 0) return false;
  if (householdId !== undefined && v.householdId === householdId) return true;
  return participantIds.every((id) => v.participantIds.includes(id));
}

/** What a payment adds to its input when it is taken on a visit (and ends the visit once sent). */
export function visitOfPayment(participantIds: readonly string[], householdId?: string): { fieldVisit?: Record<string, never> } {
  return onVisit(participantIds, householdId) ? { fieldVisit: {} } : {};
}
