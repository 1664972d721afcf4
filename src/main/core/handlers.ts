// The one handler table: each contract method maps to a service call. Handlers are a line or
// two; rules and transactions live in the services, SQL in the repositories.
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import type { contract } from '../../shared/contract/methods';
import type { z } from 'zod';
import type { Caller, CoreContext } from './core-context';
import { auditStatus, listAudit, settleAudit, verifyAudit } from './services/audit-service';
import { listCommunes, listProvinces } from './db/repositories/reference-repository';
import { findLegacyCommunes } from './services/legacy-address-service';
import { previewSupport } from './services/support-preview-service';
import { backupProgress, backupStatus, backupStore } from './services/backup-service';
import { restoreProgress, restoreStore } from './services/restore-service';
import { currentSession, logIn, logOut, setUpOffice, unlockSession } from './services/auth-service';
import { discardDraft, getDraft, saveDraft } from './services/draft-service';
import { addHouseholdMember, createHousehold, getHousehold, removeHouseholdMember, reorderHousehold, setHouseholdCoverage } from './services/household-service';
import { quoteContribution, recordContribution } from './services/contribution-service';
import { listContributionsFor } from './services/payment-listing';
import { listSyncIssues, resolveSyncIssue } from './services/sync-issues-service';
import { enrollDevice, exportSyncFile, importSyncResult, pushNow, syncStatus } from './services/sync-service';
import { quoteHouseholdPayment, recordHouseholdPayment } from './services/household-payment-service';
import { closeDay, daySummary, reopenDay } from './services/day-end-service';
import { dayReport, dayReportExcel } from './services/day-report-service';
import { officeDayView, recordHandover } from './services/office-day-service';
import { enroll, listEnrollmentsFor } from './services/enrollment-service';
import { loadReceipt, markPrinted, receiptsForDay, voidReceipt } from './services/receipt-service';
import { lookupReceipt, verifyReceipt } from './services/receipt-verification';
import { getParticipant, registerParticipant, searchParticipants, updateParticipant } from './services/participant-service';
import { coverage } from './services/coverage-service';
import { assignArea, listAssignments, myArea } from './services/field-area';
import { coverageExcel, routeSheetExcel } from './services/field-files';
import { learnCommuneHamlets, listHamlets, saveHamlet } from './services/hamlet-service';
import { exportReminders } from './services/reminders-service';
import { routeSheet } from './services/route-sheet-service';
import { visitList } from './services/visit-list-service';
import { recordVisit, visitsFor } from './services/visit-service';
import { createStaffMember, listStaffMembers, resetStaffPassword, setStaffActive } from './services/staff-service';

type Input<M extends MethodName> = z.output<(typeof contract)[M]['input']>;
export type Handler<M extends MethodName> = (ctx: CoreContext, input: Input<M>, caller: Caller) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

export const handlers: HandlerTable = {
  'office.setup': (ctx, input) => setUpOffice(ctx, input),
  'auth.login': (ctx, input) => logIn(ctx, input),
  'auth.logout': (ctx, _input, caller) => logOut(ctx, caller),
  'auth.unlock': (ctx, input, caller) => unlockSession(ctx, caller, input.password),
  'session.current': (ctx, _input, caller) => currentSession(ctx, caller),

  'staff.list': (ctx) => listStaffMembers(ctx),
  'staff.create': (ctx, input, caller) => createStaffMember(ctx, caller, input),
  'staff.setActive': (ctx, input, caller) => setStaffActive(ctx, caller, input),
  'staff.resetPassword': (ctx, input, caller) => resetStaffPassword(ctx, caller, input),

  'participants.register': (ctx, input, caller) => registerParticipant(ctx, caller, input),
  'participants.update': (ctx, input, caller) => updateParticipant(ctx, caller, input),
  'participants.get': (ctx, input) => getParticipant(ctx, input.id),
  'participants.supportPreview': (ctx, input) => previewSupport(ctx, input),
  'participants.search': (ctx, input) => searchParticipants(ctx, input),

  'drafts.get': (ctx, input, caller) => getDraft(ctx, caller, input.form),
  'drafts.save': (ctx, input, caller) => saveDraft(ctx, caller, input.form, input.data),
  'drafts.discard': (ctx, input, caller) => discardDraft(ctx, caller, input.form),

  'households.create': (ctx, input, caller) => createHousehold(ctx, caller, input),
  'households.get': (ctx, input) => getHousehold(ctx, input.id),
  'households.addMember': (ctx, input, caller) => addHouseholdMember(ctx, caller, input),
  'households.removeMember': (ctx, input, caller) => removeHouseholdMember(ctx, caller, input),
  'households.reorder': (ctx, input, caller) => reorderHousehold(ctx, caller, input),
  'households.setCoverage': (ctx, input, caller) => setHouseholdCoverage(ctx, caller, input),

  'enrollments.set': (ctx, input, caller) => enroll(ctx, caller, input),
  'enrollments.listForParticipant': (ctx, input) => listEnrollmentsFor(ctx, input.participantId),
  'contributions.quote': (ctx, input) => quoteContribution(ctx, input),
  'contributions.record': (ctx, input, caller) => recordContribution(ctx, caller, input),
  'contributions.quoteHousehold': (ctx, input) => quoteHouseholdPayment(ctx, input),
  'contributions.recordHousehold': (ctx, input, caller) => recordHouseholdPayment(ctx, caller, input),
  'contributions.listForParticipant': (ctx, input) => listContributionsFor(ctx, input.participantId),
  'receipts.get': (ctx, input) => loadReceipt(ctx, input.id),
  'receipts.void': (ctx, input, caller) => voidReceipt(ctx, caller, input),
  'receipts.markPrinted': (ctx, input, caller) => markPrinted(ctx, caller, input.id),
  'receipts.listForDay': (ctx, input, caller) => receiptsForDay(ctx, caller, input),
  'receipts.verify': (ctx, input) => verifyReceipt(ctx, input),
  'receipts.lookup': (ctx, input) => lookupReceipt(ctx, input.text),

  'dayEnd.summary': (ctx, input) => daySummary(ctx, input),
  'dayEnd.close': (ctx, input, caller) => closeDay(ctx, caller, input),
  'dayEnd.reopen': (ctx, input, caller) => reopenDay(ctx, caller, input),
  'dayEnd.report': (ctx, input) => dayReport(ctx, input),
  'dayEnd.exportExcel': (ctx, input) => dayReportExcel(ctx, input),
  'dayEnd.office': (ctx, input) => officeDayView(ctx, input),
  'dayEnd.recordHandover': (ctx, input, caller) => recordHandover(ctx, caller, input),

  'sync.status': (ctx) => syncStatus(ctx),
  'sync.enroll': (ctx, input, caller) => enrollDevice(ctx, caller, input),
  'sync.pushNow': (ctx) => pushNow(ctx),
  'sync.issues': (ctx, input) => listSyncIssues(ctx, input.state),
  'sync.resolveIssue': (ctx, input, caller) => resolveSyncIssue(ctx, caller, input),
  'sync.exportFile': (ctx, input, caller) => exportSyncFile(ctx, caller, input.directory),
  'sync.importResult': (ctx, input, caller) => importSyncResult(ctx, caller, input.file),

  'hamlets.list': (ctx, input) => listHamlets(ctx, input),
  'hamlets.learn': (ctx, input) => learnCommuneHamlets(ctx, input.communeCode),
  'hamlets.save': (ctx, input, caller) => saveHamlet(ctx, caller, input),
  'field.assignments': (ctx) => listAssignments(ctx),
  'field.assign': (ctx, input, caller) => assignArea(ctx, caller, input),
  'field.myArea': (ctx, _input, caller) => myArea(ctx, caller),
  'field.visitList': (ctx, input, caller) => visitList(ctx, caller, input),
  'field.recordVisit': (ctx, input, caller) => recordVisit(ctx, caller, input),
  'field.visits': (ctx, input) => visitsFor(ctx, input),
  'field.routeSheet': (ctx, input, caller) => routeSheet(ctx, caller, input),
  'field.routeSheetExcel': (ctx, input, caller) => routeSheetExcel(ctx, caller, input),
  'field.exportReminders': (ctx, input, caller) => exportReminders(ctx, caller, input),
  'field.coverage': (ctx, input, caller) => coverage(ctx, caller, input),
  'field.coverageExcel': (ctx, input, caller) => coverageExcel(ctx, caller, input),

  'reference.provinces': async (ctx) => ({ items: await listProvinces(ctx.db) }),
  'reference.communes': async (ctx, input) => ({ items: await listCommunes(ctx.db, input.provinceCode) }),
  'reference.legacyCommunes': (ctx, input) => findLegacyCommunes(ctx, input.query, input.limit),

  'store.backup': (ctx, input, caller) => backupStore(ctx, caller, input),
  'store.restore': (ctx, input) => restoreStore(ctx, input),
  'store.restoreProgress': (ctx) => restoreProgress(ctx),
  'store.backupProgress': async (ctx) => backupProgress(ctx),
  'store.backupStatus': (ctx) => backupStatus(ctx),

  'audit.verify': (ctx) => verifyAudit(ctx),
  'audit.status': (ctx) => auditStatus(ctx),
  'audit.settle': (ctx, input, caller) => settleAudit(ctx, caller, input),
  'audit.list': (ctx, input) => listAudit(ctx, input),
};
