// Moving the per-user store of an earlier install into the machine-wide folder of an install for
// all users (ADR 0023): the office opens in its new place with its keys sealed the machine's way,
// everything in it kept; an interrupted move is done again at the next start; a store already in
// the new folder is never overwritten; a store in use is not moved.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlainStoreKey, SealedStoreKey, type SecretSealer } from '../../src/main/core/db/store-key';
import { type FolderKeys, moveArchive, moveStoreFolder } from '../../src/main/core/db/store-move';
import { isPlainDatabaseFile, openKeyedDatabase } from '../../src/main/core/db/store-cipher';
import { DATABASE_FILE, PLAIN_STORE_KEY_FILE } from '../../src/main/core/office-core';
import { EncryptedFileKeyStore, PlainFileKeyStore } from '../../src/main/core/sync/device-key-store';
import { call, openCore, openOffice, PASSWORD, personInput, rowCounts, RESOURCES_DIR, tempDir } from './fixtures/office-fixture';
import { createOfficeCore } from '../../src/main/core/office-core';

/** A stand-in for the machine's DPAPI: a reversible transform that is not the plain text. */
const machine: SecretSealer = {
  seal: (text) => Buffer.from(`machine:${Buffer.from(text).toString('base64')}`),
  open: (blob) => Buffer.from(blob.toString().slice('machine:'.length), 'base64').toString(),
};
const machineKeys = (dir: string): FolderKeys => ({
  storeKeys: new SealedStoreKey(join(dir, 'store-key.bin'), machine, 'os-machine'),
  deviceKeys: new EncryptedFileKeyStore(join(dir, 'device-key.bin'), { encrypt: (t) => machine.seal(t), decrypt: (b) => machine.open(b) }),
});
/** The per-user folder as the tests' cores keep it (plain files). */
const userKeys = (dir: string): FolderKeys => ({
  storeKeys: new PlainStoreKey(join(dir, PLAIN_STORE_KEY_FILE)),
  deviceKeys: new PlainFileKeyStore(join(dir, 'device-key.json')),
});
const openMachineCore = (dir: string) =>
  createOfficeCore({
    dataDir: dir,
    resourcesDir: RESOURCES_DIR,
    storeKeys: machineKeys(dir).storeKeys,
    keyStore: machineKeys(dir).deviceKeys,
    syncIntervalMs: 0,
    log: () => undefined,
  });

describe('moving a per-user store to the machine-wide folder', { timeout: 120_000 }, () => {
  it('moves the store and its keys; the office opens there with everything in it, and the old place says where it went', async () => {
    const office = await openOffice();
    const person = await call(office.core, 'participants.register', personInput({ fullName: 'Hoàng Văn Chuyển' }), office.tokens.counter);
    userKeys(office.dir).deviceKeys.save({ privateKey: 'cHJpdmF0ZQ==', publicKey: 'cHVibGlj' });
    const before = rowCounts(office.core);
    await office.core.close();
    const machineDir = join(tempDir('field-office-programdata-').dir, 'Field Office', 'office');
    const logged: string[] = [];

    expect(await moveStoreFolder(office.dir, machineDir, userKeys(office.dir), machineKeys(machineDir), (m) => logged.push(m))).toBe('moved');
    expect(machineKeys(machineDir).storeKeys.load()).toEqual(userKeys(office.dir).storeKeys.load());
    expect(machineKeys(machineDir).deviceKeys.load()).toEqual({ privateKey: 'cHJpdmF0ZQ==', publicKey: 'cHVibGlj' });
    expect(readFileSync(join(machineDir, 'store-key.bin')).toString()).not.toContain(userKeys(office.dir).storeKeys.load()!.toString('hex'));
    expect(existsSync(join(office.dir, DATABASE_FILE))).toBe(false);
    expect(readFileSync(join(office.dir, 'MOVED.txt'), 'utf8')).toContain(machineDir);
    expect(readdirSync(machineDir).filter((name) => name.endsWith('.moving'))).toEqual([]);

    const moved = await openMachineCore(machineDir);
    try {
      expect(rowCounts(moved)).toEqual(before);
      const { token } = await call(moved, 'auth.login', { username: 'counter', password: PASSWORD });
      expect(await call(moved, 'participants.get', { id: person.id }, token)).toMatchObject({ fullName: 'Hoàng Văn Chuyển' });
    } finally {
      await moved.close();
    }
    // Nothing left to move at the next start.
    expect(await moveStoreFolder(office.dir, machineDir, userKeys(office.dir), machineKeys(machineDir), () => undefined)).toBe('nothing-to-move');
  });

  it('does it all again after a move cut short before the store was in place', async () => {
    const office = await openOffice();
    const before = rowCounts(office.core);
    await office.core.close();
    const machineDir = join(tempDir('field-office-programdata-').dir, 'office');
    // What a power cut mid-copy leaves: the keys sealed, half a copy under its temporary name.
    mkdirSync(machineDir, { recursive: true });
    machineKeys(machineDir).storeKeys.save(userKeys(office.dir).storeKeys.load()!);
    writeFileSync(join(machineDir, `${DATABASE_FILE}.moving`), Buffer.alloc(4096, 1));
    expect(await moveStoreFolder(office.dir, machineDir, userKeys(office.dir), machineKeys(machineDir), () => undefined)).toBe('moved');
    const moved = await openMachineCore(machineDir);
    expect(rowCounts(moved)).toEqual(before);
    await moved.close();
  });

  it('moves a plain store of an earlier version, which is encrypted with the machine-sealed key when it opens', async () => {
    const office = await openOffice();
    await office.core.close();
    const old = openKeyedDatabase(join(office.dir, DATABASE_FILE), userKeys(office.dir).storeKeys.load());
    old.pragma('journal_mode = DELETE');
    old.pragma("rekey = ''");
    old.close();
    rmSync(join(office.dir, PLAIN_STORE_KEY_FILE));
    const machineDir = join(tempDir('field-office-programdata-').dir, 'office');
    expect(await moveStoreFolder(office.dir, machineDir, userKeys(office.dir), machineKeys(machineDir), () => undefined)).toBe('moved');
    expect(isPlainDatabaseFile(join(machineDir, DATABASE_FILE))).toBe(true);
    const moved = await openMachineCore(machineDir);
    await moved.close();
    expect(isPlainDatabaseFile(join(machineDir, DATABASE_FILE))).toBe(false);
    expect(existsSync(join(machineDir, 'store-key.bin'))).toBe(true);
  });

  it('never overwrites a store already in the machine-wide folder, and says so', async () => {
    const office = await openOffice();
    await office.core.close();
    const machineDir = tempDir('field-office-programdata-').dir;
    await (await openCore(machineDir)).close();
    const machineStore = readFileSync(join(machineDir, DATABASE_FILE));
    const logged: string[] = [];
    expect(await moveStoreFolder(office.dir, machineDir, userKeys(office.dir), userKeys(machineDir), (m) => logged.push(m))).toBe('kept-both');
    expect(readFileSync(join(machineDir, DATABASE_FILE)).equals(machineStore)).toBe(true);
    expect(existsSync(join(office.dir, DATABASE_FILE))).toBe(true);
    expect(logged.join('\n')).toMatch(/already holds an office store/);
  });

  it('does not move a store that is open (the app running under another account)', async () => {
    const office = await openOffice();
    try {
      const machineDir = join(tempDir('field-office-programdata-').dir, 'office');
      await expect(moveStoreFolder(office.dir, machineDir, userKeys(office.dir), machineKeys(machineDir), () => undefined)).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(existsSync(join(machineDir, DATABASE_FILE))).toBe(false);
      expect(existsSync(join(office.dir, DATABASE_FILE))).toBe(true);
    } finally {
      await office.close();
    }
  });

  it('copies the archived receipts across, keeping any already there', () => {
    const from = tempDir().dir;
    const to = join(tempDir().dir, 'receipts');
    writeFileSync(join(from, 'QN-0001.pdf'), '%PDF old 1');
    writeFileSync(join(from, 'QN-0002.pdf'), '%PDF old 2');
    writeFileSync(join(from, 'notes.txt'), 'not a receipt');
    mkdirSync(to);
    writeFileSync(join(to, 'QN-0002.pdf'), '%PDF already there');
    expect(moveArchive(from, to)).toBe(1);
    expect(readdirSync(to).sort()).toEqual(['QN-0001.pdf', 'QN-0002.pdf']);
    expect(readFileSync(join(to, 'QN-0002.pdf'), 'utf8')).toBe('%PDF already there');
  });
});
