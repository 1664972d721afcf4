// The numbered, forward-only migrations, in order. A new migration is a new file added here;
// an applied one is never edited (each is tested from the schema before it).
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-contributions';
import * as m0004 from './0004-sync';
import * as m0005 from './0005-search-prefixes';
import * as m0006 from './0006-contribution-paid-periods';
import * as m0007 from './0007-sync-batches-answered';
import * as m0008 from './0008-store-maintenance';
import * as m0009 from './0009-form-drafts';
import * as m0010 from './0010-store-copies';
import * as m0011 from './0011-queued-name-index';
import * as m0012 from './0012-central-sealing-key';
import * as m0013 from './0013-household-coverage';
import * as m0014 from './0014-contribution-member-position';
import * as m0015 from './0015-linked-records';
import * as m0016 from './0016-refunds';
import * as m0017 from './0017-refund-vouchers';
import * as m0018 from './0018-legacy-communes';
import * as m0019 from './0019-support-facts';
import * as m0020 from './0020-contribution-support-rule';
import * as m0021 from './0021-update-channel';
import * as m0022 from './0022-old-address-search';
import * as m0023 from './0023-office-picture';
import * as m0024 from './0024-signed-receipts';
import * as m0025 from './0025-audit-anchor';
import * as m0026 from './0026-field-work';
import * as m0028 from './0028-field-changes';
import * as m0029 from './0029-paid-through';
import * as m0030 from './0030-paid-periods-with-method';
import * as m0031 from './0031-visit-facts';
import * as m0032 from './0032-visit-dirty-marks';

export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-contributions': m0002,
  '0004-sync': m0004,
  '0005-search-prefixes': m0005,
  '0006-contribution-paid-periods': m0006,
  '0007-sync-batches-answered': m0007,
  '0008-store-maintenance': m0008,
  '0009-form-drafts': m0009,
  '0010-store-copies': m0010,
  '0011-queued-name-index': m0011,
  '0012-central-sealing-key': m0012,
  '0013-household-coverage': m0013,
  '0014-contribution-member-position': m0014,
  '0015-linked-records': m0015,
  '0016-refunds': m0016,
  '0017-refund-vouchers': m0017,
  '0018-legacy-communes': m0018,
  '0019-support-facts': m0019,
  '0020-contribution-support-rule': m0020,
  '0021-update-channel': m0021,
  '0022-old-address-search': m0022,
  '0023-office-picture': m0023,
  '0024-signed-receipts': m0024,
  '0025-audit-anchor': m0025,
  '0026-field-work': m0026,
  '0028-field-changes': m0028,
  '0029-paid-through': m0029,
  '0030-paid-periods-with-method': m0030,
  '0031-visit-facts': m0031,
  '0032-visit-dirty-marks': m0032,
};
