// The one contract: every method the renderer may call, with its input and output schema and
// who may call it. The core validates every call against this table (IPC and loopback HTTP alike),
// and the renderer's client is typed from it.
import { z } from 'zod';
import { backupInput, backupOutput, backupProgress, backupStatus, restoreInput, restoreOutput, restoreProgress } from './backup';
import {
  contribution,
  dayReceipts,
  dayReceiptsInput,
  enrollInput,
  enrollment,
  householdPaymentInput,
  householdQuote,
  quote,
  quoteInput,
  receipt,
  recordHouseholdInput,
  recordHouseholdOutput,
  recordInput,
  recordOutput,
  voidInput,
} from './contribution';
import {
  enrollDeviceInput,
  exportFileInput,
  exportFileOutput,
  importResultInput,
  importResultOutput,
  listIssuesInput,
  pushSummary,
  resolveIssueInput,
  syncIssue,
  syncStatus,
} from './sync';
import { draft, draftInput, saveDraftInput } from './draft';
import { auditList, auditStatus, auditVerification, listAuditInput, settleAuditInput } from './audit';
import { lookupReceiptInput, lookupReceiptOutput, receiptVerification, verifyReceiptInput } from './verification';
import {
  assignInput,
  assignment,
  coverage,
  coverageInput,
  fieldFile,
  hamlet,
  hamletsInput,
  learnHamletsOutput,
  myArea,
  recordVisitInput,
  remindersInput,
  routeSheet,
  routeSheetInput,
  saveHamletInput,
  visit,
  visitListInput,
  visitListOutput,
  visitsForInput,
} from './field';
import { cashHandover, officeDay, officeDayInput, recordHandoverInput } from './office-day';
import { closeDayInput, dayReport, dayReportFile, dayReportInput, daySummary, daySummaryInput, reopenDayInput } from './day-end';
import {
  addHouseholdMemberInput,
  createHouseholdInput,
  household,
  removeHouseholdMemberInput,
  reorderHouseholdInput,
  setHouseholdCoverageInput,
} from './household';
import {
  participant,
  participantDetail,
  registerParticipantInput,
  searchParticipantsInput,
  searchParticipantsOutput,
  supportPreview,
  supportPreviewInput,
  updateParticipantInput,
} from './participant';
import { type Role, uuid } from './primitives';
import { commune, communesInput, legacyCommuneMatch, legacyCommunesInput, province } from './reference';
import {
  createStaffInput,
  loginInput,
  resetStaffPasswordInput,
  sessionState,
  sessionView,
  setStaffActiveInput,
  setupInput,
  staffMember,
  unlockInput,
} from './staff';

/** 'public': no session needed. 'any': any signed-in role. Otherwise the roles allowed. */
export type Access = 'public' | 'any' | readonly Role[];

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /**
   * 'opens': its answer carries a new session token (the Electron shell keeps it from the
   * renderer, the browser client stores it); 'ends': the caller's token is forgotten.
   */
  session?: 'opens' | 'ends';
  /** Answers on a store with no office yet (the first-run screen); any other method is NOT_SET_UP there. */
  beforeSetup?: true;
  /** Once it succeeds, the core closes its store and opens it again (a restored copy takes the empty store's place). */
  reopensStore?: true;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

const empty = z.object({}).strict();
const byId = z.object({ id: uuid });
const staffRoles = ['supervisor', 'counter', 'field'] as const;
/** The visit lists and what comes of them: field officers (their area) and supervisors; not counter staff. */
const fieldRoles = ['supervisor', 'field'] as const;

export const contract = {
  'office.setup': method({ input: setupInput, output: sessionView, access: 'public', session: 'opens', beforeSetup: true }),
  'auth.login': method({ input: loginInput, output: sessionView, access: 'public', session: 'opens' }),
  'auth.logout': method({ input: empty, output: z.object({ ok: z.literal(true) }), access: 'public', session: 'ends', beforeSetup: true }),
  'auth.unlock': method({ input: unlockInput, output: sessionView, access: 'public', session: 'opens' }),
  'session.current': method({ input: empty, output: sessionState, access: 'public', beforeSetup: true }),

  'staff.list': method({ input: empty, output: z.object({ items: z.array(staffMember) }), access: ['supervisor'] }),
  'staff.create': method({ input: createStaffInput, output: staffMember, access: ['supervisor'] }),
  'staff.setActive': method({ input: setStaffActiveInput, output: staffMember, access: ['supervisor'] }),
  'staff.resetPassword': method({ input: resetStaffPasswordInput, output: staffMember, access: ['supervisor'] }),

  'participants.register': method({ input: registerParticipantInput, output: participant, access: staffRoles }),
  'participants.update': method({ input: updateParticipantInput, output: participant, access: staffRoles }),
  'participants.get': method({ input: byId, output: participantDetail, access: staffRoles }),
  'participants.supportPreview': method({ input: supportPreviewInput, output: supportPreview, access: staffRoles }),
  'participants.search': method({ input: searchParticipantsInput, output: searchParticipantsOutput, access: staffRoles }),

  'drafts.get': method({ input: draftInput, output: draft.nullable(), access: staffRoles }),
  'drafts.save': method({ input: saveDraftInput, output: draft, access: staffRoles }),
  'drafts.discard': method({ input: draftInput, output: z.object({ ok: z.literal(true) }), access: staffRoles }),

  'households.create': method({ input: createHouseholdInput, output: household, access: staffRoles }),
  'households.get': method({ input: byId, output: household, access: staffRoles }),
  'households.addMember': method({ input: addHouseholdMemberInput, output: household, access: staffRoles }),
  'households.removeMember': method({ input: removeHouseholdMemberInput, output: household, access: staffRoles }),
  'households.reorder': method({ input: reorderHouseholdInput, output: household, access: staffRoles }),
  'households.setCoverage': method({ input: setHouseholdCoverageInput, output: household, access: staffRoles }),

  'enrollments.set': method({ input: enrollInput, output: enrollment, access: staffRoles }),
  'enrollments.listForParticipant': method({ input: z.object({ participantId: uuid }), output: z.object({ items: z.array(enrollment) }), access: staffRoles }),
  'contributions.quote': method({ input: quoteInput, output: quote, access: staffRoles }),
  'contributions.record': method({ input: recordInput, output: recordOutput, access: staffRoles }),
  'contributions.quoteHousehold': method({ input: householdPaymentInput, output: householdQuote, access: staffRoles }),
  'contributions.recordHousehold': method({ input: recordHouseholdInput, output: recordHouseholdOutput, access: staffRoles }),
  'contributions.listForParticipant': method({
    input: z.object({ participantId: uuid }),
    output: z.object({ items: z.array(contribution) }),
    access: staffRoles,
  }),
  'receipts.get': method({ input: byId, output: receipt, access: staffRoles }),
  'receipts.void': method({ input: voidInput, output: receipt, access: staffRoles }),
  'receipts.markPrinted': method({ input: byId, output: z.object({ printCount: z.number().int(), copy: z.boolean() }), access: staffRoles }),
  'receipts.listForDay': method({ input: dayReceiptsInput, output: dayReceipts, access: staffRoles }),
  'receipts.verify': method({ input: verifyReceiptInput, output: receiptVerification, access: staffRoles }),
  'receipts.lookup': method({ input: lookupReceiptInput, output: lookupReceiptOutput, access: staffRoles }),

  // A field officer closes their own laptop's day (issue 20 item 5); the service refuses anyone else's takings.
  'dayEnd.summary': method({ input: daySummaryInput, output: daySummary, access: ['supervisor', 'field'] }),
  'dayEnd.close': method({ input: closeDayInput, output: daySummary, access: ['supervisor', 'field'] }),
  'dayEnd.reopen': method({ input: reopenDayInput, output: daySummary, access: ['supervisor'] }),
  'dayEnd.report': method({ input: dayReportInput, output: dayReport, access: ['supervisor'] }),
  'dayEnd.exportExcel': method({ input: dayReportInput, output: dayReportFile, access: ['supervisor'] }),
  'dayEnd.office': method({ input: officeDayInput, output: officeDay, access: ['supervisor'] }),
  'dayEnd.recordHandover': method({ input: recordHandoverInput, output: cashHandover, access: ['supervisor'] }),

  'sync.status': method({ input: empty, output: syncStatus, access: staffRoles }),
  'sync.enroll': method({ input: enrollDeviceInput, output: syncStatus, access: ['supervisor'] }),
  // A field officer back in coverage sends the day's work at once.
  'sync.pushNow': method({ input: empty, output: pushSummary, access: ['supervisor', 'field'] }),
  'sync.issues': method({ input: listIssuesInput, output: z.object({ items: z.array(syncIssue) }), access: ['supervisor'] }),
  'sync.resolveIssue': method({ input: resolveIssueInput, output: syncIssue, access: ['supervisor'] }),
  'sync.exportFile': method({ input: exportFileInput, output: exportFileOutput, access: ['supervisor'] }),
  'sync.importResult': method({ input: importResultInput, output: importResultOutput, access: ['supervisor'] }),

  'hamlets.list': method({ input: hamletsInput, output: z.object({ items: z.array(hamlet) }), access: staffRoles }),
  'hamlets.learn': method({ input: z.object({ communeCode: hamletsInput.shape.communeCode }), output: learnHamletsOutput, access: ['supervisor'] }),
  'hamlets.save': method({ input: saveHamletInput, output: hamlet, access: ['supervisor'] }),
  'field.assignments': method({ input: empty, output: z.object({ items: z.array(assignment) }), access: ['supervisor'] }),
  'field.assign': method({ input: assignInput, output: assignment, access: ['supervisor'] }),
  'field.myArea': method({ input: empty, output: myArea, access: fieldRoles }),
  'field.visitList': method({ input: visitListInput, output: visitListOutput, access: fieldRoles }),
  'field.recordVisit': method({ input: recordVisitInput, output: visit, access: fieldRoles }),
  'field.visits': method({ input: visitsForInput, output: z.object({ items: z.array(visit) }), access: fieldRoles }),
  'field.routeSheet': method({ input: routeSheetInput, output: routeSheet, access: fieldRoles }),
  'field.routeSheetExcel': method({ input: routeSheetInput, output: fieldFile, access: fieldRoles }),
  'field.exportReminders': method({ input: remindersInput, output: fieldFile.extend({ withoutPhone: z.number().int() }), access: fieldRoles }),
  'field.coverage': method({ input: coverageInput, output: coverage, access: ['supervisor'] }),
  'field.coverageExcel': method({ input: coverageInput, output: fieldFile, access: ['supervisor'] }),

  'reference.provinces': method({ input: empty, output: z.object({ items: z.array(province) }), access: 'public', beforeSetup: true }),
  'reference.communes': method({ input: communesInput, output: z.object({ items: z.array(commune) }), access: 'public', beforeSetup: true }),
  'reference.legacyCommunes': method({ input: legacyCommunesInput, output: z.object({ items: z.array(legacyCommuneMatch) }), access: staffRoles }),

  'store.backup': method({ input: backupInput, output: backupOutput, access: ['supervisor'] }),
  'store.backupProgress': method({ input: empty, output: backupProgress, access: ['supervisor'] }),
  'store.backupStatus': method({ input: empty, output: backupStatus, access: ['supervisor'] }),
  // Public like office.setup: only on a store with no office yet (refused otherwise).
  'store.restore': method({ input: restoreInput, output: restoreOutput, access: 'public', beforeSetup: true, reopensStore: true }),
  'store.restoreProgress': method({ input: empty, output: restoreProgress, access: 'public', beforeSetup: true }),

  'audit.verify': method({ input: empty, output: auditVerification, access: ['supervisor'] }),
  'audit.status': method({ input: empty, output: auditStatus, access: ['supervisor'] }),
  'audit.settle': method({ input: settleAuditInput, output: auditStatus, access: ['supervisor'] }),
  'audit.list': method({ input: listAuditInput, output: auditList, access: ['supervisor'] }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type Policy = Pick<MethodSpec<z.ZodType, z.ZodType>, 'session' | 'beforeSetup' | 'reopensStore'>;

/** The policy flags of a method by its name (none for a name that is not a method). */
export function methodPolicy(name: unknown): Policy {
  return typeof name === 'string' && isMethodName(name) ? (contract[name] as Policy) : {};
}
