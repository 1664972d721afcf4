// File sync for offices with no link: pending batches go to a USB stick as `<name>.jsonl.gz.age`
// (one recorded batch body per line, exactly the bytes HTTP would send, gzipped, then sealed with
// age to the central service's X25519 recipient received at enrollment, so only the central can
// read the people on it — ADR 0012) plus `<name>.manifest.json` listing each batch's hash, the
// sealed file's hash and the device's Ed25519 signature. The central CLI imports it like a request
// and writes `<name>.results.json` (signed by the central; it holds op ids, statuses and official
// numbers, no one's name); importing that applies the results. Importing either file twice is
// harmless: a batch already answered is skipped.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/canonical-json';
import { OfficeError } from '../../../shared/contract/errors';
import { allUnanswered, markSentByFile } from '../db/repositories/sync-batches-repository';
import type { Database } from '../db/schema';
import { checkChosenFolder, readChosenFile } from '../files/chosen-paths';
import { writeFilesWhole } from '../files/user-folders';
import { recordNextBatch } from './batch-builder';
import type { DeviceKeyPair } from './device-key-store';
import { z } from 'zod';
import { auditAck } from '../../../shared/sync/operations';
import { opResult } from '../../../shared/sync/op-results';
import { applyBatchResults, type BatchSummary } from './result-applier';

export const BATCH_FILE_FORMAT = 'field-office/batches@2';
export const RESULT_FILE_FORMAT = 'field-office/results@1';

export interface BatchManifest {
  format: typeof BATCH_FILE_FORMAT;
  deviceId: string;
  createdAt: string;
  /** The sealed data file, beside the manifest. */
  file: string;
  /** SHA-256 of the sealed file as written: a cut-off or altered file is refused before opening. */
  fileSha256: string;
  /** The age recipient the file is sealed to (the central's, from enrollment). */
  sealedTo: string;
  batches: { batchNo: number; opCount: number; sha256: string }[];
  signature?: string;
}

/** The central's answer to a batch file, read with the shared result schema. */
const resultFile = z.object({
  format: z.literal(RESULT_FILE_FORMAT),
  deviceId: z.string(),
  createdAt: z.string(),
  batches: z.array(z.object({ batchNo: z.number().int().positive(), results: z.array(opResult), auditAck: auditAck.optional() })),
  /** The central service's Ed25519 signature over the file without this field (base64). */
  signature: z.string().optional(),
});

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function rawPublicKeyToObject(rawBase64: string) {
  // SPKI prefix for Ed25519 followed by the 32 raw key bytes.
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(rawBase64, 'base64')]);
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

/** The device writing a batch file: its signing key, its central id and the central's recipient. */
export interface ExportingDevice {
  keys: DeviceKeyPair;
  deviceId: string;
  /** Null for a device enrolled before the central gave out its recipient (migration 0012). */
  sealTo: string | null;
}

export async function exportBatchFile(db: Kysely<Database>, device: ExportingDevice, chosenDirectory: string, at: string) {
  const directory = await checkChosenFolder(chosenDirectory);
  const { encrypter, recipient } = sealingTo(device.sealTo);
  while (await recordNextBatch(db, device.deviceId, at, device.keys)) {
    // Record every pending operation into batches first; each keeps its number for ever.
  }
  const batches = await allUnanswered(db);
  if (batches.length === 0) {
    throw new OfficeError('NOT_FOUND', { vi: 'Không có dữ liệu nào chờ gửi.', en: 'Nothing is waiting to be sent.' });
  }
  const name = `field-office-${device.deviceId.slice(-8)}-${batches[0]!.batchNo}-${batches[batches.length - 1]!.batchNo}`;
  const sealed = Buffer.from(await encrypter.encrypt(gzipSync(Buffer.from(batches.map((b) => b.body).join('\n') + '\n'))));
  const file = join(directory, `${name}.jsonl.gz.age`);
  const manifest: BatchManifest = {
    format: BATCH_FILE_FORMAT,
    deviceId: device.deviceId,
    createdAt: at,
    file: basename(file),
    fileSha256: sha256(sealed),
    sealedTo: recipient,
    batches: batches.map((b) => ({ batchNo: b.batchNo, opCount: b.opCount, sha256: sha256(b.body) })),
  };
  const key = createPrivateKey({ key: Buffer.from(device.keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  manifest.signature = sign(null, Buffer.from(canonicalJson(manifest)), key).toString('base64');
  const manifestFile = join(directory, `${name}.manifest.json`);
  // The data file and its manifest land together or not at all.
  writeFilesWhole([
    { path: file, data: sealed },
    { path: manifestFile, data: JSON.stringify(manifest, null, 2) },
  ]);
  await markSentByFile(db, at);
  return { file, manifest: manifestFile, batches: batches.length, ops: batches.reduce((n, b) => n + b.opCount, 0) };
}

/** An age encrypter for the central's recipient; none, or one that is not a key, is a typed error. */
function sealingTo(recipient: string | null): { encrypter: Encrypter; recipient: string } {
  if (!recipient) {
    throw new OfficeError('CONFLICT', {
      vi: 'Thiết bị chưa nhận khóa niêm phong của trung tâm (đăng ký từ phiên bản cũ), nên chưa thể ghi tệp đồng bộ. Hãy đăng ký lại thiết bị với trung tâm.',
      en: 'This device has no sealing key from the central service (enrolled by an older version), so it cannot write a sync file. Enroll the device again.',
    });
  }
  const encrypter = new Encrypter();
  try {
    encrypter.addRecipient(recipient);
  } catch {
    throw new OfficeError('CONFLICT', {
      vi: 'Khóa niêm phong của trung tâm lưu trên máy không hợp lệ. Hãy đăng ký lại thiết bị với trung tâm.',
      en: "The central's sealing key stored on this device is invalid. Enroll the device again.",
    });
  }
  return { encrypter, recipient };
}

export async function importResultFile(
  db: Kysely<Database>,
  file: string,
  deviceId: string,
  centralPublicKey: string | null,
  at: string,
): Promise<BatchSummary & { batches: number; skipped: number }> {
  const text = (await readChosenFile(file, 'sync-results')).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new OfficeError('VALIDATION', { field: 'file', vi: 'Tệp kết quả bị hỏng hoặc không đọc được.', en: 'The result file is damaged or unreadable.' });
  }
  const read = resultFile.safeParse(raw);
  if (!read.success) {
    throw new OfficeError('VALIDATION', { field: 'file', vi: 'Đây không phải tệp kết quả đồng bộ của Field Office.', en: 'Not a Field Office result file.' });
  }
  const parsed = read.data;
  if (parsed.deviceId !== deviceId) {
    throw new OfficeError('VALIDATION', {
      field: 'file',
      vi: 'Tệp kết quả này dành cho một thiết bị khác.',
      en: 'This result file belongs to another device.',
    });
  }
  if (centralPublicKey) {
    // Verified over the file as written (the parsed copy could lack a field a newer central added).
    const { signature, ...unsigned } = raw as { signature?: unknown };
    if (typeof signature !== 'string') throw badSignature();
    if (!verify(null, Buffer.from(canonicalJson(unsigned)), rawPublicKeyToObject(centralPublicKey), Buffer.from(signature, 'base64'))) throw badSignature();
  }
  const total = { applied: 0, duplicates: 0, rejected: 0, held: 0, batches: 0, skipped: 0 };
  for (const batch of parsed.batches) {
    const summary = await applyBatchResults(db, batch.batchNo, batch.results, at, 'file', batch.auditAck);
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

function badSignature(): OfficeError {
  return new OfficeError('VALIDATION', {
    field: 'file',
    vi: 'Chữ ký của trung tâm trên tệp kết quả không hợp lệ (tệp đã bị sửa?).',
    en: 'The central signature does not verify.',
  });
}
