// File sync, central side: `central import --manifest <file>` checks the device's signature and
// the sealed file's hash, opens it with the central's age identity (only a file sealed to this
// central opens), checks every batch's hash, applies each batch exactly as if it had arrived over
// HTTP (so a batch already received by HTTP or an earlier import returns its stored result), and
// writes a result file signed with the central key for the office to import.
import { createHash, sign, verify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../shared/canonical-json';
import { wireBatch } from '../shared/sync/protocol';
import { CentralError } from './central-error';
import type { CentralKey } from './central-signing-key';
import type { CentralDb } from './db/schema';
import { applyBatch } from './ingest/apply-batch';
import { publicKeyFromRaw } from './request-auth';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function refuse(vi: string, en: string): never {
  throw new CentralError(400, 'BAD_FILE', vi, en);
}

export async function importBatchFile(db: Kysely<CentralDb>, manifestFile: string, outDir: string, key: CentralKey) {
  let manifest: {
    format: string;
    deviceId: string;
    file: string;
    fileSha256: string;
    sealedTo: string;
    batches: { batchNo: number; sha256: string }[];
    signature?: string;
  };
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    refuse('Không đọc được tệp kê khai (manifest).', 'Cannot read the manifest.');
  }
  if (manifest.format === 'field-office/batches@1') {
    refuse(
      'Tệp do phiên bản cũ ghi, chưa được niêm phong; hãy cập nhật phần mềm ở văn phòng rồi ghi lại tệp.',
      'An unsealed file from an older version; update the office app and export again.',
    );
  }
  if (manifest.format !== 'field-office/batches@2') refuse('Đây không phải tệp kê khai lô dữ liệu Field Office.', 'Not a Field Office batch manifest.');
  const device = await db
    .selectFrom('devices')
    .innerJoin('offices', 'offices.code', 'devices.officeCode')
    .select(['devices.id', 'devices.officeCode', 'devices.publicKey', 'devices.revokedAt', 'offices.provinceCode'])
    .where('devices.id', '=', manifest.deviceId)
    .executeTakeFirst();
  if (!device) refuse('Tệp đến từ một thiết bị chưa đăng ký.', 'The file comes from an unknown device.');
  if (device.revokedAt) throw new CentralError(403, 'DEVICE_REVOKED', 'Thiết bị đã bị thu hồi quyền đồng bộ.', 'This device has been revoked.');
  const { signature, ...unsigned } = manifest;
  const signed = signature && verify(null, Buffer.from(canonicalJson(unsigned)), publicKeyFromRaw(device.publicKey), Buffer.from(signature, 'base64'));
  if (!signed)
    refuse('Chữ ký trên tệp kê khai không đúng với thiết bị (tệp bị sửa hoặc của thiết bị khác).', 'The manifest signature does not match the device.');
  if (manifest.sealedTo !== key.sealingRecipient) {
    refuse('Tệp được niêm phong cho một máy chủ trung tâm khác, máy chủ này không mở được.', 'The file is sealed to another central service.');
  }
  let sealed: Buffer;
  try {
    sealed = readFileSync(join(dirname(manifestFile), basename(manifest.file)));
  } catch {
    refuse(
      `Không đọc được tệp dữ liệu ${basename(manifest.file)} nằm cạnh tệp kê khai.`,
      `Cannot read the data file ${basename(manifest.file)} beside the manifest.`,
    );
  }
  if (sha256(sealed) !== manifest.fileSha256)
    refuse('Tệp dữ liệu không khớp tệp kê khai (bị cắt cụt hoặc bị sửa).', 'The data file does not match the manifest (truncated or altered).');
  const bodies = gunzipSync(await unseal(sealed, key))
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
  if (bodies.length !== manifest.batches.length || bodies.some((b, i) => sha256(b) !== manifest.batches[i]!.sha256)) {
    refuse('Một lô trong tệp không khớp tệp kê khai.', 'A batch does not match the manifest.');
  }
  const auth = { id: device.id, officeCode: device.officeCode, provinceCode: device.provinceCode };
  const batches = [];
  for (const body of bodies) {
    const parsed = wireBatch.safeParse(JSON.parse(body));
    if (!parsed.success) refuse('Một lô trong tệp không đúng định dạng.', 'A batch in the file is malformed.');
    const outcome = await applyBatch(db, auth, parsed.data, { centralKey: key, now: () => new Date() });
    batches.push({
      batchNo: outcome.response.batchNo,
      results: outcome.response.results,
      ...(outcome.response.auditAck ? { auditAck: outcome.response.auditAck } : {}),
    });
  }
  const result: Record<string, unknown> = { format: 'field-office/results@1', deviceId: device.id, createdAt: new Date().toISOString(), batches };
  result.signature = sign(null, Buffer.from(canonicalJson(result)), key.privateKey).toString('base64');
  const out = join(outDir, basename(manifestFile).replace(/\.manifest\.json$/, '') + '.results.json');
  writeFileSync(out, JSON.stringify(result));
  return { file: out, batches: batches.length };
}

async function unseal(sealed: Buffer, key: CentralKey): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(key.sealingIdentity);
  try {
    return await decrypter.decrypt(sealed);
  } catch {
    refuse(
      'Không mở được tệp dữ liệu đã niêm phong (tệp hỏng hoặc không niêm phong cho máy chủ này).',
      'Cannot open the sealed data file (damaged, or not sealed to this central).',
    );
  }
}
