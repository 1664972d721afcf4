// English strings of the support facts, old addresses and the law's lines on a quote (issue 23);
// spread into en.ts.
export const enLaw = {
  facts: {
    title: 'Support categories (from the papers)',
    poverty: 'Poor / near-poor household',
    povertyNone: 'No',
    povertyPoor: 'Poor household',
    povertyNearPoor: 'Near-poor household',
    certificateNo: 'Certificate number',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    student: 'Pupil or student',
    agriAverage: 'Farming, forestry, fishery or salt household of average living standard',
    applies: 'Applies today',
    vsi: 'Voluntary social insurance',
    hhi: 'Household health insurance',
    statePaid: 'paid by the state budget, no household HI collected',
    share: '{{share}} support',
    declared: 'The old record declares “{{category}}”: check the papers, then save the record.',
    none: 'No category',
  },
  legacy: {
    label: 'Old address (before 1 Jul 2025, as on the papers)',
    placeholder: 'Type without accents: commune, district, province — e.g. "phuc xa ba dinh ha noi"',
    went: 'now {{commune}}',
    divided: 'divided: choose the new commune by hamlet or street',
    clear: 'Remove the old address',
    chosen: 'Old address: {{text}}',
  },
  idCheck: {
    ok: 'The personal ID agrees with the date of birth and sex.',
  },
  quoteLaw: {
    rule: 'State support',
    because: 'because',
    perMonth: '{{amount}} a month',
    topUp: 'Provincial top-up',
    provisional: 'Provisional values (not confirmed; replaced when a schedule is published)',
    arrears: 'late',
    shortfall: 'missing year',
    notes: 'Note',
  },
};
