// Sync methods of the contract: enrolling this device (key pair made here, private key kept by the
// key store), status, push now, and the bridge to the engine. The central URL and device id are
// stored; the transport is rebuilt from them whenever the engine runs.
import { hostname } from 'node:os';
import { OfficeError } from '../../../shared/contract/errors';
import type { PushSummary, SyncStatus } from '../../../shared/contract/sync';
import type { Caller, CoreContext, SyncControl } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { centralAddress, readSyncState, recordEnrollment } from '../db/repositories/sync-state-repository';
import { TransportError } from '../sync/central-transport';
import { generateDeviceKeyPair } from '../sync/device-key-store';
import { exportBatchFile, importResultFile } from '../sync/file-sync';

function requireEngine(ctx: CoreContext): SyncControl {
  if (!ctx.sync) throw new OfficeError('INTERNAL', { vi: 'Chức năng đồng bộ chưa được bật trên máy này.', en: 'Sync is not available.' });
  return ctx.sync;
}

export function syncStatus(ctx: CoreContext): Promise<SyncStatus> {
  return requireEngine(ctx).status();
}

export async function enrollDevice(
  ctx: CoreContext,
  caller: Caller,
  input: { centralUrl: string; code: string; deviceName?: string | undefined },
): Promise<SyncStatus> {
  const engine = requireEngine(ctx);
  const makeTransport = ctx.makeTransport!;
  const state = await centralAddress(ctx.db);
  if (state.centralDeviceId) {
    throw new OfficeError('CONFLICT', { vi: 'Thiết bị này đã đăng ký với máy chủ trung tâm.', en: 'This device is already enrolled.' });
  }
  const keys = engine.keyStore.load() ?? generateDeviceKeyPair();
  engine.keyStore.save(keys);
  const office = await requireOfficeRow(ctx.db);
  let deviceId: string;
  let centralPublicKey: string | null | undefined;
  let centralSealingRecipient: string | null | undefined;
  try {
    ({ deviceId, centralPublicKey, centralSealingRecipient } = await makeTransport(input.centralUrl, null).enroll({
      centralUrl: input.centralUrl,
      code: input.code,
      publicKey: keys.publicKey,
      deviceName: input.deviceName || `${office.code} ${hostname()}`.slice(0, 120),
    }));
  } catch (error) {
    if (error instanceof TransportError) {
      throw new OfficeError('VALIDATION', { field: error.kind === 'permanent' ? 'code' : 'centralUrl', vi: error.message, en: error.messageEn });
    }
    throw error;
  }
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await recordEnrollment(trx, {
      centralUrl: input.centralUrl,
      centralDeviceId: deviceId,
      publicKey: keys.publicKey,
      centralPublicKey: centralPublicKey ?? null,
      centralSealingRecipient: centralSealingRecipient ?? null,
      enrolledAt: at,
    });
    await appendAudit(trx, {
      at,
      staffId: caller.staffId,
      action: 'sync.enroll',
      entity: 'device',
      entityId: deviceId,
      details: { centralUrl: input.centralUrl },
    });
  });
  engine.noteReachable();
  // The office's picture starts filling now, in the background (the Sync page shows its progress).
  engine.kick();
  return engine.status();
}

export function pushNow(ctx: CoreContext): Promise<PushSummary> {
  return requireEngine(ctx).runNow();
}

async function enrolledState(ctx: CoreContext) {
  const state = await readSyncState(ctx.db);
  if (!state.centralDeviceId) {
    throw new OfficeError('VALIDATION', { vi: 'Thiết bị chưa đăng ký với trung tâm; cần đăng ký trước khi đồng bộ qua tệp.', en: 'Enroll the device first.' });
  }
  return { ...state, centralDeviceId: state.centralDeviceId };
}

export async function exportSyncFile(ctx: CoreContext, caller: Caller, directory: string) {
  const state = await enrolledState(ctx);
  const keys = requireEngine(ctx).keyStore.load();
  if (!keys) throw new OfficeError('VALIDATION', { vi: 'Không tìm thấy khóa của thiết bị.', en: 'The device key is missing.' });
  const at = nowIso(ctx);
  const result = await exportBatchFile(ctx.db, { keys, deviceId: state.centralDeviceId, sealTo: state.centralSealingRecipient }, directory, at);
  await appendAudit(ctx.db, { at, staffId: caller.staffId, action: 'sync.exportFile', entity: 'device', entityId: state.centralDeviceId, details: result });
  return result;
}

export async function importSyncResult(ctx: CoreContext, caller: Caller, file: string) {
  const state = await enrolledState(ctx);
  const at = nowIso(ctx);
  const result = await importResultFile(ctx.db, file, state.centralDeviceId, state.centralPublicKey, at);
  await appendAudit(ctx.db, { at, staffId: caller.staffId, action: 'sync.importResult', entity: 'device', entityId: state.centralDeviceId, details: result });
  return result;
}
