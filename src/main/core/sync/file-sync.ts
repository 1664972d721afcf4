// File sync for offices with no link: pending batches go to a USB stick as `<name>.jsonl.gz` (one
// recorded batch body per line, exactly the bytes HTTP would send) plus `<name>.manifest.json`
// listing each batch's hash, the file's hash and the device's Ed25519 signature. The central CLI
// imports it like a request and writes `<name>.results.json`; importing that applies the results.
// Importing either file twice is harmless: a batch already answered is skipped.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/canonical-json';
import { OfficeError } from '../../../shared/contract/errors';
import type { Database } from '../db/schema';
import { readUserFile, requireFolder, writeFilesWhole } from '../files/user-folders';
import { recordNextBatch } from './batch-builder';
import type { DeviceKeyPair } from './device-key-store';
import { applyBatchResults, type BatchSummary, type OpResult } from './result-applier';

export const BATCH_FILE_FORMAT = 'field-office/batches@1';
export const RESULT_FILE_FORMAT = 'field-office/results@1';

export interface BatchManifest {
  format: typeof BATCH_FILE_FORMAT;
  deviceId: string;
  createdAt: string;
  file: string;
  fileSha256: string;
  batches: { batchNo: number; opCount: number; sha256: string }[];
  signature?: string;
}

export interface ResultFile {
  format: typeof RESULT_FILE_FORMAT;
  deviceId: string;
  createdAt: string;
  batches: { batchNo: number; results: OpResult[] }[];
  /** The central service's Ed25519 signature over the file without this field (base64). */
  signature?: string;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function rawPublicKeyToObject(rawBase64: string) {
  // SPKI prefix for Ed25519 followed by the 32 raw key bytes.
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(rawBase64, 'base64')]);
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

export async function exportBatchFile(db: Kysely<Database>, keys: DeviceKeyPair, deviceId: string, directory: string, at: string) {
  requireFolder(directory);
  while (await recordNextBatch(db, deviceId, at)) {
    // Record every pending operation into batches first; each keeps its number for ever.
  }
  const batches = await db.selectFrom('syncBatches').selectAll().where('appliedAt', 'is', null).orderBy('batchNo').execute();
  if (batches.length === 0) {
    throw new OfficeError('NOT_FOUND', { vi: 'Không có dữ liệu nào chờ gửi.', en: 'Nothing is waiting to be sent.' });
  }
  const name = `field-office-${deviceId.slice(-8)}-${batches[0]!.batchNo}-${batches[batches.length - 1]!.batchNo}`;
  const gz = gzipSync(Buffer.from(batches.map((b) => b.body).join('\n') + '\n'));
  const file = join(directory, `${name}.jsonl.gz`);
  const manifest: BatchManifest = {
    format: BATCH_FILE_FORMAT,
    deviceId,
    createdAt: at,
    file: basename(file),
    fileSha256: sha256(gz),
    batches: batches.map((b) => ({ batchNo: b.batchNo, opCount: b.opCount, sha256: sha256(b.body) })),
  };
  const key = createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  manifest.signature = sign(null, Buffer.from(canonicalJson(manifest)), key).toString('base64');
  const manifestFile = join(directory, `${name}.manifest.json`);
  // The data file and its manifest land together or not at all.
  writeFilesWhole([
    { path: file, data: gz },
    { path: manifestFile, data: JSON.stringify(manifest, null, 2) },
  ]);
  await db.updateTable('syncBatches').set({ sentAt: at, via: 'file' }).where('appliedAt', 'is', null).where('sentAt', 'is', null).execute();
  return { file, manifest: manifestFile, batches: batches.length, ops: batches.reduce((n, b) => n + b.opCount, 0) };
}

/** Reads and checks a batch file against its manifest (used by the central importer and tests). */
export function readBatchFile(manifestFile: string, devicePublicKey?: string): { manifest: BatchManifest; bodies: string[] } {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BatchManifest;
  if (manifest.format !== BATCH_FILE_FORMAT) throw new Error('not a Field Office batch manifest');
  const { signature, ...unsigned } = manifest;
  if (devicePublicKey && (!signature || !verify(null, Buffer.from(canonicalJson(unsigned)), rawPublicKeyToObject(devicePublicKey), Buffer.from(signature, 'base64')))) {
    throw new Error('manifest signature does not verify');
  }
  const gz = readFileSync(join(manifestFile, '..', manifest.file));
  if (sha256(gz) !== manifest.fileSha256) throw new Error('batch file does not match its manifest (truncated or altered)');
  const bodies = gunzipSync(gz).toString('utf8').split('\n').filter(Boolean);
  if (bodies.length !== manifest.batches.length || bodies.some((b, i) => sha256(b) !== manifest.batches[i]!.sha256)) {
    throw new Error('a batch in the file does not match the manifest');
  }
  return { manifest, bodies };
}

export async function importResultFile(
  db: Kysely<Database>,
  file: string,
  deviceId: string,
  centralPublicKey: string | null,
  at: string,
): Promise<BatchSummary & { batches: number; skipped: number }> {
  const text = readUserFile(file);
  let parsed: ResultFile;
  try {
    parsed = JSON.parse(text) as ResultFile;
  } catch {
    throw new OfficeError('VALIDATION', { field: 'file', vi: 'Tệp kết quả bị hỏng hoặc không đọc được.', en: 'The result file is damaged or unreadable.' });
  }
  if (parsed.format !== RESULT_FILE_FORMAT || !Array.isArray(parsed.batches)) {
    throw new OfficeError('VALIDATION', { field: 'file', vi: 'Đây không phải tệp kết quả đồng bộ của Field Office.', en: 'Not a Field Office result file.' });
  }
  if (parsed.deviceId !== deviceId) {
    throw new OfficeError('VALIDATION', { field: 'file', vi: 'Tệp kết quả này dành cho một thiết bị khác.', en: 'This result file belongs to another device.' });
  }
  if (centralPublicKey) {
    const { signature, ...unsigned } = parsed;
    const ok = signature && verify(null, Buffer.from(canonicalJson(unsigned)), rawPublicKeyToObject(centralPublicKey), Buffer.from(signature, 'base64'));
    if (!ok) throw new OfficeError('VALIDATION', { field: 'file', vi: 'Chữ ký của trung tâm trên tệp kết quả không hợp lệ (tệp đã bị sửa?).', en: 'The central signature does not verify.' });
  }
  const total = { applied: 0, duplicates: 0, rejected: 0, held: 0, batches: 0, skipped: 0 };
  for (const batch of parsed.batches) {
    const summary = await applyBatchResults(db, batch.batchNo, batch.results, at, 'file');
    if (!summary) {
      total.skipped++;
      continue;
    }
    total.batches++;
    total.applied += summary.applied;
    total.duplicates += summary.duplicates;
    total.rejected += summary.rejected;
    total.held += summary.held;
  }
  return total;
}
