// The numbered migrations: from an empty file every table, index, FTS table and trigger exists;
// reopening is a no-op; and for each migration, rows written at that schema survive the
// migrations after it. A new migration must add its rows to `seeds` (the test says so); one that
// moves data has a test of its own besides, `migration-NNNN-*.test.ts` (0005, 0011, 0014, 0019).
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Migrator } from 'kysely';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/core/db/migrations/index';
import { NAME_INDEX_STEPS } from '../../src/main/core/db/name-index';
import { openDatabase } from '../../src/main/core/db/open-database';
import { openWithMigrator } from './fixtures/migration-kit';
import { tempDir } from './fixtures/office-fixture';

const migrationNames = Object.keys(migrations).sort();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function newFile(): string {
  const temp = tempDir('field-office-migrations-');
  cleanups.push(temp.remove);
  return join(temp.dir, 'office.sqlite');
}

function openRaw(file: string) {
  const opened = openWithMigrator(file);
  cleanups.push(() => opened.db.destroy());
  return opened;
}

/** Migrates an open file up to and including the named migration, failing loudly on error. */
async function migrateTo(migrator: Migrator, name: string): Promise<void> {
  const { error, results } = name === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

function schemaObjects(sqlite: BetterSqlite3.Database): { type: string; name: string }[] {
  return sqlite.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { type: string; name: string }[];
}

const at = '2026-03-02T02:00:00.000Z';

/** A person row with the columns every schema since 0001 has (Hà Nội, Ba Đình). */
function insertPerson(
  s: BetterSqlite3.Database,
  p: { id: string; fullName: string; nameFolded: string; dateOfBirth: string; sex: string; ethnicity: string; personalId: string; addressLine: string },
): void {
  // Named support_category until 0019 made it declared_support_category (support follows facts since).
  const columns = (s.prepare(`PRAGMA table_info(participants)`).all() as { name: string }[]).map((c) => c.name);
  const support = columns.includes('support_category') ? 'support_category' : 'declared_support_category';
  s.prepare(
    `INSERT INTO participants (id, full_name, name_folded, date_of_birth, sex, ethnicity, nationality, personal_id, province_code, commune_code,
       address_line, ${support}, version, created_at, updated_at)
     VALUES (@id, @fullName, @nameFolded, @dateOfBirth, @sex, @ethnicity, 'Việt Nam', @personalId, '01', '00004', @addressLine, 'other', 1, @at, @at)`,
  ).run({ ...p, at });
}

/** From 0011 on, people are queued for the name index and indexed by housekeeping: done here. */
function catchUpNameIndex(s: BetterSqlite3.Database): void {
  if (!s.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'name_index_queue'`).get()) return;
  for (const step of NAME_INDEX_STEPS) s.prepare(step).run(Number.MAX_SAFE_INTEGER);
}

/** Rows written right after each migration, and how to tell they survived to the latest schema. */
const seeds: Record<string, { write(s: BetterSqlite3.Database): void; check(s: BetterSqlite3.Database): void }> = {
  '0001-initial': {
    write(s) {
      s.prepare(`INSERT INTO office (id, code, name, province_code, device_id, created_at) VALUES (1, 'T01', 'Văn phòng', '01', 'dev-1', ?)`).run(at);
      s.prepare(
        `INSERT INTO staff (id, username, full_name, role, password_hash, created_at, updated_at) VALUES ('s1', 'sup', 'Giám Sát', 'supervisor', 'x', ?, ?)`,
      ).run(at, at);
      s.prepare(`INSERT INTO admin_provinces (code, name, full_name) VALUES ('01', 'Hà Nội', 'Thành phố Hà Nội')`).run();
      s.prepare(`INSERT INTO admin_communes (code, province_code, name, full_name) VALUES ('00004', '01', 'Ba Đình', 'Phường Ba Đình')`).run();
      insertPerson(s, {
        id: 'p1',
        fullName: 'Nguyễn Văn Đức',
        nameFolded: 'nguyen van duc',
        dateOfBirth: '1980-01-02',
        sex: 'male',
        ethnicity: 'Kinh',
        personalId: '001080000001',
        addressLine: 'Thôn Đông',
      });
      s.prepare(
        `INSERT INTO households (id, head_participant_id, province_code, commune_code, address_line, version, created_at, updated_at) VALUES ('h1', 'p1', '01', '00004', 'Thôn Đông', 1, ?, ?)`,
      ).run(at, at);
      s.prepare(`INSERT INTO household_members (household_id, participant_id, position) VALUES ('h1', 'p1', 1)`).run();
      s.prepare(
        `INSERT INTO outbox (op_id, kind, entity_id, payload, payload_hash, created_at) VALUES ('op1', 'participant.register', 'p1', '{}', 'h', ?)`,
      ).run(at);
      s.prepare(
        `INSERT INTO audit_log (at, staff_id, action, entity, entity_id, details, prev_hash, hash) VALUES (?, 's1', 'participant.register', 'participant', 'p1', '{}', 'a', 'b')`,
      ).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT full_name FROM participants WHERE id = 'p1'`).pluck().get()).toBe('Nguyễn Văn Đức');
      catchUpNameIndex(s);
      expect(s.prepare(`SELECT rowid FROM participants_fts WHERE participants_fts MATCH 'duc'`).pluck().all()).toHaveLength(1);
      expect(s.prepare(`SELECT position FROM household_members WHERE household_id = 'h1'`).pluck().get()).toBe(1);
      expect(s.prepare(`SELECT count(*) FROM outbox`).pluck().get()).toBe(1);
      expect(s.prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBe(1);
      expect(s.prepare(`SELECT code FROM office`).pluck().get()).toBe('T01');
      expect(s.prepare(`SELECT username FROM staff`).pluck().get()).toBe('sup');
    },
  },
  '0002-contributions': {
    write(s) {
      s.prepare(`INSERT INTO reference_schedules (version, body, loaded_at) VALUES ('2026-01', '{}', ?)`).run(at);
      s.prepare(
        `INSERT INTO enrollments (id, participant_id, scheme, method, from_month, status, version, created_at, updated_at) VALUES ('e1', 'p1', 'VSI', 'monthly', '2026-03', 'active', 1, ?, ?)`,
      ).run(at, at);
      s.prepare(`INSERT INTO receipt_series (series, next_number) VALUES ('T01-2026', 2)`).run();
      s.prepare(
        `INSERT INTO contributions (id, participant_id, scheme, method, from_month, to_month, months, paid_on, total, lines, reference_version, collector_staff_id, receipt_id, created_at)
         VALUES ('c1', 'p1', 'VSI', 'monthly', '2026-03', '2026-03', 1, '2026-03-02', 330000, '[]', '2026-01', 's1', 'r1', ?)`,
      ).run(at);
      s.prepare(
        `INSERT INTO receipts (id, series, number, contribution_id, participant_id, payer_name, payer_personal_id, payer_address, scheme, period_from, period_to, months,
           amount, amount_words, collector_staff_id, collector_name, office_name, issued_at, business_date)
         VALUES ('r1', 'T01-2026', 1, 'c1', 'p1', 'Nguyễn Văn Đức', '001080000001', 'Thôn Đông', 'VSI', '2026-03', '2026-03', 1, 330000, 'Ba trăm ba mươi nghìn đồng', 's1', 'Giám Sát', 'Văn phòng', ?, '2026-03-02')`,
      ).run(at);
      s.prepare(`INSERT INTO day_closures (business_date, status, closed_by, closed_at, summary) VALUES ('2026-03-01', 'closed', 's1', ?, '{}')`).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT amount FROM receipts WHERE id = 'r1'`).pluck().get()).toBe(330000);
      expect(s.prepare(`SELECT next_number FROM receipt_series`).pluck().get()).toBe(2);
      expect(s.prepare(`SELECT status FROM enrollments WHERE id = 'e1'`).pluck().get()).toBe('active');
      expect(s.prepare(`SELECT total FROM contributions WHERE id = 'c1'`).pluck().get()).toBe(330000);
      expect(s.prepare(`SELECT status FROM day_closures`).pluck().get()).toBe('closed');
    },
  },
  '0004-sync': {
    write(s) {
      s.prepare(`UPDATE sync_state SET central_url = 'https://central.example', next_batch_no = 3 WHERE id = 1`).run();
      s.prepare(`INSERT INTO sync_batches (batch_no, body, op_count, first_seq, last_seq, created_at) VALUES (2, '{}', 1, 1, 1, ?)`).run(at);
      s.prepare(
        `INSERT INTO sync_issues (id, kind, entity_id, class, code, message, message_en, details, state, created_at) VALUES ('i1', 'participant.register', 'p1', 'rejected', 'X', 'm', 'm', '{}', 'open', ?)`,
      ).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT next_batch_no FROM sync_state`).pluck().get()).toBe(3);
      expect(s.prepare(`SELECT op_count FROM sync_batches WHERE batch_no = 2`).pluck().get()).toBe(1);
      expect(s.prepare(`SELECT state FROM sync_issues WHERE id = 'i1'`).pluck().get()).toBe('open');
    },
  },
  '0005-search-prefixes': {
    write(s) {
      insertPerson(s, {
        id: 'p2',
        fullName: 'Trần Thị Hồng',
        nameFolded: 'tran thi hong',
        dateOfBirth: '1982-03-04',
        sex: 'female',
        ethnicity: 'Kinh',
        personalId: '001182000002',
        addressLine: 'Thôn Tây',
      });
    },
    check(s) {
      catchUpNameIndex(s);
      const match = (q: string) => s.prepare(`SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?`).pluck().all(q).length;
      expect([match('"tran" "hong"'), match('"thi" "hon"*'), match('"tran"*')]).toEqual([1, 1, 1]);
    },
  },
  '0006-contribution-paid-periods': {
    write(s) {
      s.prepare(
        `INSERT INTO contributions (id, participant_id, scheme, method, from_month, to_month, months, paid_on, total, supported_months, lines, reference_version, collector_staff_id, receipt_id, created_at)
         VALUES ('c2', 'p2', 'VSI', 'quarterly', '2026-04', '2026-06', 3, '2026-04-02', 792000, 3, '[]', '2026-01', 's1', 'r2', ?)`,
      ).run(at);
    },
    check(s) {
      const paid = `SELECT from_month, to_month, supported_months FROM contributions c WHERE participant_id = 'p2' AND scheme = 'VSI'
        AND NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id) ORDER BY from_month`;
      expect(s.prepare(paid).all()).toEqual([{ from_month: '2026-04', to_month: '2026-06', supported_months: 3 }]);
      const plan = (s.prepare(`EXPLAIN QUERY PLAN ${paid}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toContain('USING COVERING INDEX contributions_paid_periods');
    },
  },
  '0007-sync-batches-answered': {
    write(s) {
      s.prepare(
        `INSERT INTO sync_batches (batch_no, body, op_count, first_seq, last_seq, created_at, sent_at, via, applied_at, summary)
         VALUES (4, ?, 500, 2, 501, ?, ?, 'http', ?, '{"applied":499,"duplicates":1,"rejected":0,"held":0}')`,
      ).run('x'.repeat(200_000), at, at, at);
    },
    check(s) {
      const answered = `SELECT applied_at, summary FROM sync_batches WHERE applied_at >= ? ORDER BY applied_at`;
      expect(s.prepare(answered).all(at)).toEqual([{ applied_at: at, summary: '{"applied":499,"duplicates":1,"rejected":0,"held":0}' }]);
      const plan = (s.prepare(`EXPLAIN QUERY PLAN ${answered}`).all(at) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toContain('USING COVERING INDEX sync_batches_answered');
    },
  },
  '0008-store-maintenance': {
    write(s) {
      s.prepare(`UPDATE store_maintenance SET wal_restarts = 41 WHERE id = 1`).run();
    },
    check(s) {
      expect(s.prepare(`SELECT id, wal_restarts FROM store_maintenance`).all()).toEqual([{ id: 1, wal_restarts: 41 }]);
    },
  },
  '0009-form-drafts': {
    write(s) {
      s.prepare(`INSERT INTO form_drafts (staff_id, form, data, saved_at) VALUES ('s1', 'person-register', '{"fullName":"Lò Văn Páo"}', ?)`).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT data FROM form_drafts WHERE staff_id = 's1' AND form = 'person-register'`).pluck().get()).toBe('{"fullName":"Lò Văn Páo"}');
      expect(() => s.prepare(`INSERT INTO form_drafts (staff_id, form, data, saved_at) VALUES ('nobody', 'person-register', '{}', ?)`).run(at)).toThrow(
        /FOREIGN KEY/,
      );
    },
  },
  '0010-store-copies': {
    write(s) {
      s.prepare(`UPDATE office SET copy_taken_at = ?`).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT copy_taken_at FROM office`).pluck().all()).toEqual([at]);
    },
  },
  '0011-queued-name-index': {
    write(s) {
      insertPerson(s, {
        id: 'p3',
        fullName: 'Lò Văn Páo',
        nameFolded: 'lo van pao',
        dateOfBirth: '1990-05-06',
        sex: 'male',
        ethnicity: 'Thái',
        personalId: '011090000003',
        addressLine: 'Bản Mòng',
      });
    },
    check(s) {
      const p3 = s.prepare(`SELECT rowid FROM participants WHERE id = 'p3'`).pluck().get();
      catchUpNameIndex(s);
      expect(s.prepare(`SELECT rowid FROM participants_fts WHERE participants_fts MATCH 'pao'`).pluck().all()).toEqual([p3]);
      expect(s.prepare(`SELECT count(*) FROM name_index_queue`).pluck().get()).toBe(0);
      expect(() => s.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    },
  },
  '0012-central-sealing-key': {
    write(s) {
      s.prepare(`UPDATE sync_state SET central_sealing_recipient = 'age1recipient' WHERE id = 1`).run();
    },
    check(s) {
      expect(s.prepare(`SELECT central_url, central_sealing_recipient FROM sync_state`).all()).toEqual([
        { central_url: 'https://central.example', central_sealing_recipient: 'age1recipient' },
      ]);
    },
  },
  '0013-household-coverage': {
    write(s) {
      s.prepare(`UPDATE household_members SET covered_by = 'pensioner' WHERE household_id = 'h1' AND participant_id = 'p1'`).run();
    },
    check(s) {
      // The member written at 0001 is still there, position and all, with the mark added later.
      expect(s.prepare(`SELECT participant_id, position, covered_by FROM household_members WHERE household_id = 'h1'`).all()).toEqual([
        { participant_id: 'p1', position: 1, covered_by: 'pensioner' },
      ]);
    },
  },
  '0014-contribution-member-position': {
    write(s) {
      s.prepare(
        `INSERT INTO contributions (id, participant_id, household_id, scheme, method, from_month, to_month, months, paid_on, total, lines, reference_version, collector_staff_id, receipt_id, created_at, member_position)
         VALUES ('c14', 'p2', 'h1', 'HHI', 'annual', '2026-04', '2027-03', 12, '2026-03-02', 758160, '[]', '2026-01', 's1', 'r14', ?, 3)`,
      ).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT member_position FROM contributions WHERE id = 'c14'`).pluck().get()).toBe(3);
    },
  },
  '0015-linked-records': {
    write(s) {
      s.prepare(`UPDATE participants SET canonical_id = 'p1' WHERE id = 'p3'`).run();
    },
    check(s) {
      // The records linked to a person are found through the partial index, not a scan of everyone.
      const linked = `SELECT id FROM participants WHERE canonical_id = 'p1'`;
      expect(s.prepare(linked).pluck().all()).toEqual(['p3']);
      const plan = (s.prepare(`EXPLAIN QUERY PLAN ${linked}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toContain('USING INDEX participants_canonical');
    },
  },
  '0016-refunds': {
    write(s) {
      // Receipt r1 (2 March) refunded on 3 March from s1's cash.
      s.prepare(
        `INSERT INTO receipt_voids (id, receipt_id, reason, voided_by, voided_at, business_date, refund_paid_by) VALUES ('v1', 'r1', 'Hoàn trả tiền', 's1', ?, '2026-03-03', 's1')`,
      ).run(at);
    },
    check(s) {
      const refunds = `SELECT receipt_id FROM receipt_voids WHERE business_date = '2026-03-03' AND refund_paid_by IS NOT NULL`;
      expect(s.prepare(refunds).pluck().all()).toEqual(['r1']);
      const plan = (s.prepare(`EXPLAIN QUERY PLAN ${refunds}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toContain('USING INDEX receipt_voids_refunds');
    },
  },
  '0017-refund-vouchers': {
    write(s) {
      // Voids are immutable: the refund with its voucher is a new one, of the household's receipt r14.
      s.prepare(
        `INSERT INTO receipts (id, series, number, contribution_id, participant_id, payer_name, payer_personal_id, payer_address, scheme, period_from, period_to, months,
           amount, amount_words, collector_staff_id, collector_name, office_name, issued_at, business_date)
         VALUES ('r14', 'T01-2026', 2, 'c14', 'p2', 'Nguyễn Thị Mai', '001180000002', 'Thôn Đông', 'HHI', '2026-04', '2027-03', 12, 758160, 'Bảy trăm năm mươi tám nghìn một trăm sáu mươi đồng', 's1', 'Giám Sát', 'Văn phòng', ?, '2026-03-02')`,
      ).run(at);
      s.prepare(
        `INSERT INTO receipt_voids (id, receipt_id, reason, voided_by, voided_at, business_date, refund_paid_by, refund_voucher_series, refund_voucher_number)
         VALUES ('v17', 'r14', 'Hoàn trả tiền', 's1', ?, '2026-03-04', 's1', 'HT-T01-2026', 1)`,
      ).run(at);
    },
    check(s) {
      expect(s.prepare(`SELECT refund_voucher_series || '/' || refund_voucher_number FROM receipt_voids WHERE id = 'v17'`).pluck().get()).toBe('HT-T01-2026/1');
      // A voucher number is never given twice in a series: a unique index over the refunds.
      expect(s.prepare(`SELECT sql FROM sqlite_master WHERE name = 'receipt_voids_voucher'`).pluck().get()).toMatch(/UNIQUE INDEX/);
    },
  },
  '0018-legacy-communes': {
    write(s) {
      s.prepare(
        `INSERT INTO legacy_communes (legacy_commune_code, commune_code, legacy_province_code, legacy_province, legacy_district_code, legacy_district, legacy_commune, province_code, commune, divided)
         VALUES ('00007', '00025', '01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', 'Phường Cống Vị', '01', 'Phường Giảng Võ', 1)`,
      ).run();
      s.prepare(
        `INSERT INTO commune_statuses (commune_code, kind, valid_from, valid_to, source) VALUES ('31078', 'special-zone', '2025-07-01', NULL, 'NQ')`,
      ).run();
    },
    check(s) {
      expect(s.prepare(`SELECT commune FROM legacy_communes WHERE legacy_commune_code = '00007'`).pluck().all()).toEqual(['Phường Giảng Võ']);
      expect(() =>
        s.prepare(`INSERT INTO commune_statuses (commune_code, kind, valid_from, source) VALUES ('1', 'mountain', '2025-07-01', 'x')`).run(),
      ).toThrow(/CHECK/);
    },
  },
  '0019-support-facts': {
    write(s) {
      // A near-poor certificate recorded on a person written before (p1, Hà Nội).
      s.prepare(`UPDATE participants SET poverty_kind = 'near-poor', poverty_certificate_no = 'CN-19', poverty_valid_to = '2026-12-31' WHERE id = 'p1'`).run();
    },
    check(s) {
      expect(s.prepare(`SELECT poverty_kind || ' ' || poverty_certificate_no FROM participants WHERE id = 'p1'`).pluck().get()).toBe('near-poor CN-19');
      expect(s.prepare(`SELECT count(*) FROM participants WHERE declared_support_category IS NULL`).pluck().get()).toBe(0);
    },
  },
  '0020-contribution-support-rule': {
    write(s) {
      s.prepare(`UPDATE contributions SET support_rule = '{"support":{"category":"near-poor"},"topUp":null}' WHERE id = 'c1'`).run();
    },
    check(s) {
      expect(s.prepare(`SELECT json_extract(support_rule, '$.support.category') FROM contributions WHERE id = 'c1'`).pluck().get()).toBe('near-poor');
    },
  },
  '0021-update-channel': {
    write(s) {
      s.prepare(`UPDATE sync_state SET update_channel = 'pilot' WHERE id = 1`).run();
    },
    check(s) {
      expect(s.prepare('SELECT update_channel FROM sync_state WHERE id = 1').pluck().get()).toBe('pilot');
      expect(() => s.prepare(`UPDATE sync_state SET update_channel = 'beta' WHERE id = 1`).run()).toThrow(/CHECK/);
    },
  },
  '0022-old-address-search': {
    write(s) {
      s.prepare(`UPDATE participants SET legacy_commune_code = '00001', legacy_address = 'Phúc Xá, Ba Đình, Hà Nội' WHERE id = 'p1'`).run();
    },
    check(s) {
      const plan = s.prepare(`EXPLAIN QUERY PLAN SELECT id FROM participants WHERE legacy_commune_code IN ('00001', '00004')`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('participants_legacy_commune');
      expect(s.prepare(`SELECT id FROM participants WHERE legacy_commune_code = '00001'`).pluck().all()).toEqual(['p1']);
    },
  },
  '0023-office-picture': {
    write(s) {
      // A payment another device of the office took, pulled, and refunded on a third device (its staff not on this one).
      s.prepare(
        `INSERT INTO pulled_contributions (id, participant_id, household_id, scheme, method, from_month, to_month, months, income_basis, member_position, paid_on,
           business_date, total, supported_months, receipt_id, receipt_series, receipt_number, issued_at, office_code, source_device_id, collector_staff_id, collector_name)
         VALUES ('pc1', 'p1', NULL, 'VSI', 'quarterly', '2026-04', '2026-06', 3, 1500000, NULL, '2026-03-02', '2026-03-02', 792000, 3, 'rp1', 'T01-AAAA', 1, ?,
           'T01', 'dev-2', 'staff-elsewhere', 'Nguyễn Văn A')`,
      ).run(at);
      s.prepare(
        `INSERT INTO receipt_voids (id, receipt_id, reason, voided_by, voided_at, business_date, refund_paid_by, voided_by_name, refund_paid_by_name, refund_amount,
           refund_voucher, source_device_id)
         VALUES ('v19', 'rp1', 'Trùng tháng', 'staff-3', ?, '2026-03-05', 'staff-3', 'Lê Thị B', 'Lê Thị B', 792000, 'HT-T01-CCCC/0000001', 'dev-3')`,
      ).run(at);
      s.prepare(`INSERT INTO office_devices (id, name, refreshed_at) VALUES ('dev-2', 'Quầy 2', ?)`).run(at);
      s.prepare(
        `INSERT INTO cash_handovers (id, from_device_id, collector_staff_id, collector_name, business_dates, receipt_count, expected, cash_counted, note,
           received_by, received_by_name, received_at, received_on)
         VALUES ('ho1', 'dev-2', 'staff-elsewhere', 'Nguyễn Văn A', '["2026-03-02"]', 1, 792000, 792000, NULL, 's1', 'Giám Sát', ?, '2026-03-03')`,
      ).run(at);
      s.prepare(
        `INSERT INTO cash_handover_days (from_device_id, collector_staff_id, business_date, handover_id) VALUES ('dev-2', 'staff-elsewhere', '2026-03-02', 'ho1')`,
      ).run();
    },
    check(s) {
      expect(s.prepare(`SELECT source_device_id FROM receipt_voids WHERE receipt_id = 'rp1'`).pluck().get()).toBe('dev-3');
      // Pulled payments and voids are never changed; a day of a collector's cash is handed over once.
      expect(() => s.prepare(`UPDATE pulled_contributions SET total = 1 WHERE id = 'pc1'`).run()).toThrow(/immutable/);
      expect(() => s.prepare(`DELETE FROM receipt_voids WHERE id = 'v19'`).run()).toThrow(/never deleted/);
      expect(() =>
        s
          .prepare(
            `INSERT INTO cash_handover_days (from_device_id, collector_staff_id, business_date, handover_id) VALUES ('dev-2', 'staff-elsewhere', '2026-03-02', 'ho1')`,
          )
          .run(),
      ).toThrow(/UNIQUE/);
      const paid = `SELECT from_month, to_month, supported_months, receipt_id FROM pulled_contributions WHERE participant_id = 'p1' AND scheme = 'VSI'`;
      const plan = (s.prepare(`EXPLAIN QUERY PLAN ${paid}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toContain('USING COVERING INDEX pulled_contributions_paid_periods');
      expect(s.prepare(`SELECT picture_state FROM sync_state`).pluck().all()).toEqual(s.prepare(`SELECT 'none' FROM sync_state`).pluck().all());
    },
  },
  '0024-signed-receipts': {
    write(s) {
      const receipt = s.prepare(`SELECT id, series, number FROM receipts LIMIT 1`).get() as { id: string; series: string; number: number };
      s.prepare(`INSERT INTO signed_documents (label, receipt_id, payload, signed_at) VALUES (?, ?, 'FO1.R.x', '2026-03-02T02:00:00.000Z')`).run(
        `${receipt.series}/${String(receipt.number).padStart(7, '0')}`,
        receipt.id,
      );
      s.prepare(
        `INSERT INTO device_keys (key_id, public_key, device_id, office_code, name, enrolled_at, revoked_at, source, updated_at)
         VALUES ('AAAAAAAAAAA', 'k', 'd', 'OFF1', 'máy 1', '2026-01-01', NULL, 'central', '2026-03-02')`,
      ).run();
    },
    check(s) {
      expect(s.prepare(`SELECT payload FROM signed_documents`).pluck().all()).toEqual(['FO1.R.x']);
      expect(s.prepare(`SELECT office_code FROM device_keys WHERE key_id = 'AAAAAAAAAAA'`).pluck().get()).toBe('OFF1');
      expect(() => s.prepare(`INSERT INTO device_keys (key_id, public_key, source, updated_at) VALUES ('B', 'k', 'other', 'x')`).run()).toThrow(/CHECK/);
    },
  },
  '0025-audit-anchor': {
    write(s) {
      s.prepare(`UPDATE sync_state SET audit_sent_seq = 3, audit_ack = '{"seq":3}' WHERE id = 1`).run();
      s.prepare(`UPDATE audit_checkpoint SET seq = 2, hash = 'h2', checked_at = '2026-03-02' WHERE id = 1`).run();
      s.prepare(`INSERT INTO audit_breaks (seq, problem, problem_en, found_at) VALUES (7, 'Mất mục 7', 'entry 7 is missing', '2026-03-02')`).run();
    },
    check(s) {
      expect(s.prepare('SELECT audit_sent_seq FROM sync_state WHERE id = 1').pluck().get()).toBe(3);
      expect(s.prepare('SELECT seq FROM audit_checkpoint WHERE id = 1').pluck().get()).toBe(2);
      expect(s.prepare('SELECT problem_en FROM audit_breaks WHERE seq = 7').pluck().get()).toBe('entry 7 is missing');
      expect(() => s.prepare(`INSERT INTO audit_checkpoint (id, seq, hash, checked_at) VALUES (2, 0, 'x', '')`).run()).toThrow(/CHECK/);
    },
  },
  '0026-field-work': {
    write(s) {
      s.prepare(
        `INSERT INTO hamlets (id, commune_code, kind, name, name_key, active, version, updated_at) VALUES ('h-1', '00004', 'thon', 'Đông Hòa', 'thon|dong hoa', 1, 1, '2026-03-01T00:00:00Z')`,
      ).run();
      s.prepare(
        `INSERT INTO field_assignments (username, areas, version, updated_at) VALUES ('field', '[{"communeCode":"00004","hamletIds":[]}]', 1, '2026-03-01T00:00:00Z')`,
      ).run();
      s.prepare(
        `INSERT INTO visits (id, participant_id, household_id, outcome, promised_on, visited_on, visited_at, staff_name) VALUES ('v-1', 'p-1', NULL, 'promised', '2026-03-20', '2026-03-01', '2026-03-01T02:00:00Z', 'Trần Thị Bình')`,
      ).run();
    },
    check(s) {
      expect(s.prepare(`SELECT name FROM hamlets WHERE id = 'h-1'`).pluck().get()).toBe('Đông Hòa');
      expect(s.prepare(`SELECT areas FROM field_assignments WHERE username = 'field'`).pluck().get()).toContain('00004');
      expect(s.prepare(`SELECT promised_on FROM visits WHERE id = 'v-1'`).pluck().get()).toBe('2026-03-20');
      expect(() => s.prepare(`UPDATE visits SET outcome = 'paid' WHERE id = 'v-1'`).run()).toThrow(/immutable/);
      expect(() => s.prepare(`DELETE FROM visits WHERE id = 'v-1'`).run()).toThrow(/never deleted/);
      expect(() =>
        s
          .prepare(
            `INSERT INTO hamlets (id, commune_code, kind, name, name_key, version, updated_at) VALUES ('h-2', '00004', 'thon', 'Dong Hoa', 'thon|dong hoa', 1, 'x')`,
          )
          .run(),
      ).toThrow(/UNIQUE/);
    },
  },
  '0028-field-changes': {
    write(s) {
      s.prepare(`UPDATE field_changes SET n = 1000 WHERE id = 1`).run();
      s.prepare(
        `INSERT INTO visits (id, participant_id, outcome, visited_on, visited_at, staff_name, source_device_id) VALUES ('v-28', 'p-28', 'not-home', '2026-03-02', '2026-03-02T02:00:00Z', 'Vũ Văn Đi', 'dev-2')`,
      ).run();
    },
    check(s) {
      // The visit's insert raised the counter; the counter holds one row.
      expect(s.prepare(`SELECT n FROM field_changes WHERE id = 1`).pluck().get()).toBeGreaterThan(1000);
      expect(s.prepare(`SELECT source_device_id FROM visits WHERE id = 'v-28'`).pluck().get()).toBe('dev-2');
      expect(() => s.prepare(`INSERT INTO field_changes (id, n) VALUES (2, 0)`).run()).toThrow(/CHECK/);
    },
  },
  '0029-paid-through': {
    write(s) {
      s.prepare(`INSERT INTO paid_through (participant_id, scheme, month) VALUES ('p-1', 'VSI', '2026-06'), ('p-1', 'HHI', NULL)`).run();
    },
    check(s) {
      expect(s.prepare(`SELECT scheme, month FROM paid_through WHERE participant_id = 'p-1' ORDER BY scheme`).all()).toEqual([
        { scheme: 'HHI', month: null },
        { scheme: 'VSI', month: '2026-06' },
      ]);
      expect(() => s.prepare(`INSERT INTO paid_through (participant_id, scheme, month) VALUES ('p-1', 'XYZ', NULL)`).run()).toThrow(/CHECK/);
    },
  },
  '0030-paid-periods-with-method': {
    write() {},
    check(s) {
      // The months-paid check reads method and months from the covering indexes alone (ADR 0036).
      const columns = (index: string) => s.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(index);
      for (const index of ['contributions_paid_periods', 'pulled_contributions_paid_periods']) {
        expect(columns(index)).toEqual(['participant_id', 'scheme', 'from_month', 'to_month', 'supported_months', 'receipt_id', 'method', 'months']);
      }
    },
  },
};

describe('migrations', () => {
  it('creates every table, index, FTS table and trigger on an empty file', async () => {
    const file = newFile();
    const database = await openDatabase(file);
    cleanups.push(() => database.close());
    const names = schemaObjects(database.sqlite);
    const byType = (type: string) => names.filter((o) => o.type === type).map((o) => o.name);
    expect(byType('table')).toEqual(
      expect.arrayContaining([
        'office',
        'staff',
        'participants',
        'participants_fts',
        'households',
        'household_members',
        'admin_provinces',
        'admin_communes',
        'reference_versions',
        'outbox',
        'audit_log',
        'schema_migrations',
        'reference_schedules',
        'enrollments',
        'receipt_series',
        'contributions',
        'receipts',
        'receipt_voids',
        'receipt_prints',
        'day_closures',
        'sync_state',
        'sync_batches',
        'sync_results',
        'sync_issues',
        'store_maintenance',
        'form_drafts',
        'name_index_queue',
      ]),
    );
    expect(byType('index')).toEqual(
      expect.arrayContaining([
        'participants_name_folded',
        'participants_dob_name',
        'participants_si_number',
        'participants_phone',
        'participants_canonical',
        'admin_communes_province',
        'outbox_pending',
        'outbox_entity',
        'audit_log_entity',
        'contributions_paid_periods',
        'receipts_day',
        'sync_issues_state',
        'sync_batches_answered',
        'receipt_voids_refunds',
      ]),
    );
    expect(byType('trigger')).toEqual(
      expect.arrayContaining([
        'participants_name_queued_insert',
        'participants_name_queued_update',
        'participants_name_queued_delete',
        'receipts_no_update',
        'receipts_no_delete',
        'receipt_voids_no_update',
        'receipt_voids_no_delete',
      ]),
    );
    const fts = database.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'participants_fts'`).pluck().get() as string;
    expect(fts).toMatch(/USING fts5/i);
    expect(fts).toContain(`prefix='1 2 3 4 5 6 7'`);
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = database.sqlite.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all();
    expect(applied).toEqual(migrationNames);
  });

  it('treats reopening an up-to-date file as a no-op that keeps the schema and the data', async () => {
    const file = newFile();
    const first = await openDatabase(file);
    const before = schemaObjects(first.sqlite);
    first.sqlite.prepare(`INSERT INTO reference_versions (kind, version, loaded_at) VALUES ('probe', '1', ?)`).run(at);
    const appliedAt = first.sqlite.prepare(`SELECT name, timestamp FROM schema_migrations ORDER BY name`).all();
    await first.close();
    const second = await openDatabase(file);
    cleanups.push(() => second.close());
    expect(schemaObjects(second.sqlite)).toEqual(before);
    expect(second.sqlite.prepare(`SELECT name, timestamp FROM schema_migrations ORDER BY name`).all()).toEqual(appliedAt);
    expect(second.sqlite.prepare(`SELECT version FROM reference_versions WHERE kind = 'probe'`).pluck().get()).toBe('1');
  });

  it('has rows to test for every migration, so a new migration cannot skip its survival test', () => {
    expect(Object.keys(seeds).sort()).toEqual(migrationNames);
  });

  for (const [index, name] of migrationNames.entries()) {
    it(`keeps rows written at migration ${name} through every later migration`, async () => {
      const file = newFile();
      const { sqlite, migrator } = openRaw(file);
      await migrateTo(migrator, name);
      expect(sqlite.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all()).toEqual(migrationNames.slice(0, index + 1));
      for (const earlier of migrationNames.slice(0, index + 1)) seeds[earlier]!.write(sqlite);
      await migrateTo(migrator, 'latest');
      expect(sqlite.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all()).toEqual(migrationNames);
      for (const earlier of migrationNames.slice(0, index + 1)) seeds[earlier]!.check(sqlite);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }
});
