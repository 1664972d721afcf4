// Releases of the office app and the channels offices update from (issue 27 item 4, RELEASING.md).
// An administrator publishes a build (the folder electron-builder wrote: `latest.yml`, the
// installers it names, optionally `release-notes.md`) to a channel — `pilot` for the offices that
// try a release first, `stable` for the rest — and can withdraw a release: each channel then serves
// the newest release published to it and not withdrawn. Which channel an office is on is set here
// too and reaches the office by the pull feed (`office.update-channel`). An update file is read at
// publish time as electron-updater reads it (YAML: a version, files with their sha512), so a file
// the offices' updater could not use is refused here, and each installer's sha512 is checked
// against it (the feed itself is tested with electron-updater's own provider and parser).
// Installers live in `<data>/releases`; the `latest*.yml` texts, the notes and the withdrawals in
// the database (one state for every process of the central).
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { type Kysely, sql } from 'kysely';
import { type UpdateChannel, updateChannels } from '../shared/sync/changes';
import { CentralError } from './central-error';
import { queueCentralChange } from './changes-feed';
import type { CentralDb } from './db/schema';

const FEED_FILE = /^latest(-[a-z0-9]+)?\.yml$/;
const SAFE_NAME = /^[\w.-]{1,200}$/;

export function isFeedFile(name: string): boolean {
  return FEED_FILE.test(name);
}

export function parseChannel(value: unknown): UpdateChannel {
  if (typeof value === 'string' && (updateChannels as readonly string[]).includes(value)) return value as UpdateChannel;
  throw new CentralError(400, 'VALIDATION', 'Kênh cập nhật là pilot hoặc stable.', 'The update channel is pilot or stable.', undefined, 'channel');
}

async function sha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

function invalid(vi: string, en: string, field = 'dir'): CentralError {
  return new CentralError(400, 'VALIDATION', vi, en, undefined, field);
}

/** An electron-builder update file: its version and the files it names, each with its sha512 (the `files` list, or the older `path`). */
function readFeed(text: string, feed: string): { version: string; files: { url: string; sha512: string }[] } {
  let info: Record<string, unknown>;
  try {
    info = loadYaml(text) as Record<string, unknown>;
  } catch (error) {
    throw invalid(`${feed} không đọc được (YAML hỏng).`, `${feed} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!info || typeof info !== 'object') throw invalid(`${feed} không đọc được.`, `${feed} is not an update file.`);
  const version = info.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+([-+][\w.]+)?$/.test(version)) throw invalid(`${feed}: thiếu số phiên bản.`, `${feed}: no version.`);
  const listed = Array.isArray(info.files) && info.files.length > 0 ? (info.files as Record<string, unknown>[]) : [{ url: info.path, sha512: info.sha512 }];
  const files = listed.map((f) => ({ url: String(f.url ?? ''), sha512: String(f.sha512 ?? '') }));
  for (const file of files) {
    if (!SAFE_NAME.test(file.url) || !file.sha512)
      throw invalid(`${feed}: tệp ${file.url || '?'} không hợp lệ hoặc thiếu sha512.`, `${feed}: a file entry lacks a plain name or its sha512.`);
  }
  return { version, files };
}

/** Publishes the build in `dir` to `channel`; returns the version and the files it brought. */
export async function publishRelease(db: Kysely<CentralDb>, releasesDir: string, input: { dir: string; channel: string }) {
  const channel = parseChannel(input.channel);
  mkdirSync(releasesDir, { recursive: true });
  if (!existsSync(input.dir) || !statSync(input.dir).isDirectory()) throw invalid(`Không có thư mục ${input.dir}.`, `No folder ${input.dir}.`);
  const feeds = readdirSync(input.dir).filter(isFeedFile);
  if (feeds.length === 0) throw invalid('Thư mục không có latest.yml của electron-builder.', 'The folder has no electron-builder latest.yml.');
  const notesFile = join(input.dir, 'release-notes.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : null;
  const parsed: { feed: string; text: string; version: string; files: string[] }[] = [];
  for (const feed of feeds) {
    const text = readFileSync(join(input.dir, feed), 'utf8');
    const info = readFeed(text, feed);
    for (const file of info.files) {
      const name = file.url;
      if (!SAFE_NAME.test(name)) throw invalid(`${feed}: tên tệp không hợp lệ ${name}.`, `${feed}: bad file name.`);
      const source = join(input.dir, name);
      if (!existsSync(source)) throw invalid(`Thiếu tệp ${name} mà ${feed} nêu.`, `${name}, named in ${feed}, is missing.`);
      if (file.sha512 !== (await sha512(source)))
        throw invalid(`Tệp ${name} không khớp sha512 trong ${feed}.`, `${name} does not match its sha512 in ${feed}.`);
    }
    parsed.push({ feed, text, version: info.version, files: info.files.map((f) => f.url) });
  }
  const versions = new Set(parsed.map((p) => p.version));
  if (versions.size !== 1) throw invalid('Các tệp latest*.yml nêu các phiên bản khác nhau.', 'The latest*.yml files name different versions.');
  const version = parsed[0]!.version;
  // Installers first (whole, under a temporary name): a channel never names a file not yet there.
  for (const name of new Set(parsed.flatMap((p) => p.files))) {
    const target = join(releasesDir, name);
    if (existsSync(target)) {
      if ((await sha512(target)) === (await sha512(join(input.dir, name)))) continue;
      throw invalid(`Đã có tệp ${name} khác trong thư mục phát hành.`, `A different ${name} is already in the releases folder.`);
    }
    copyFileSync(join(input.dir, name), `${target}.partial`);
    renameSync(`${target}.partial`, target);
  }
  await db.transaction().execute(async (trx) => {
    for (const p of parsed) {
      await trx
        .insertInto('releases')
        .values({ channel, version, feedFile: p.feed, feedText: p.text, releaseNotes: notes, withdrawnAt: null })
        .onConflict((oc) =>
          oc.columns(['channel', 'version', 'feedFile']).doUpdateSet({ feedText: p.text, releaseNotes: notes, withdrawnAt: null, publishedAt: sql`now()` }),
        )
        .execute();
    }
  });
  return { version, channel, files: [...new Set(parsed.flatMap((p) => p.files))] };
}

/** Withdraws a release from every channel; each then serves the release published before it. */
export async function withdrawRelease(db: Kysely<CentralDb>, version: string) {
  const rows = await db
    .updateTable('releases')
    .set({ withdrawnAt: sql`now()` })
    .where('version', '=', version)
    .where('withdrawnAt', 'is', null)
    .returning('channel')
    .execute();
  if (rows.length === 0)
    throw new CentralError(404, 'NOT_FOUND', `Không có bản phát hành ${version} đang dùng.`, `No live release ${version}.`, undefined, 'version');
  return { version, channels: [...new Set(rows.map((r) => r.channel))] };
}

/** The update file a channel serves now: the newest release published to it and not withdrawn. */
export async function channelFeed(db: Kysely<CentralDb>, channel: UpdateChannel, feedFile: string): Promise<string | null> {
  const row = await db
    .selectFrom('releases')
    .select(['feedText', 'releaseNotes'])
    .where('channel', '=', channel)
    .where('feedFile', '=', feedFile)
    .where('withdrawnAt', 'is', null)
    .orderBy('publishedAt', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  // The notes go in as electron-updater reads them (`releaseNotes`), a JSON string being valid YAML.
  const hasNotes = /^releaseNotes:/m.test(row.feedText);
  return row.releaseNotes && !hasNotes ? `${row.feedText.replace(/\n?$/, '\n')}releaseNotes: ${JSON.stringify(row.releaseNotes)}\n` : row.feedText;
}

/** Puts an office on a channel; its devices hear it by the pull feed. */
export async function setOfficeChannel(db: Kysely<CentralDb>, officeCode: string, value: string) {
  const channel = parseChannel(value);
  return db.transaction().execute(async (trx) => {
    const office = await trx
      .updateTable('offices')
      .set({ updateChannel: channel })
      .where('code', '=', officeCode)
      .returning(['code', 'provinceCode'])
      .executeTakeFirst();
    if (!office) throw new CentralError(404, 'NOT_FOUND', `Không có cơ quan mã ${officeCode}.`, `Unknown office ${officeCode}.`, undefined, 'office');
    await queueCentralChange(trx, { kind: 'office.update-channel', payload: { officeCode: office.code, channel } }, office.provinceCode);
    return { officeCode: office.code, channel };
  });
}
