// The central service's numbered, forward-only migrations (the same files on PGlite and PostgreSQL).
import type { Migration } from 'kysely';
import * as m0001 from './0001-central-initial';
import * as m0002 from './0002-person-near-match-index';
import * as m0003 from './0003-release-channels';
import * as m0004 from './0004-admin-units';
import * as m0005 from './0005-office-picture';
import * as m0006 from './0006-receipt-verification-and-audit-anchor';
import * as m0007 from './0007-fraud-signals';
import * as m0008 from './0008-field-records';
import * as m0009 from './0009-console-staff';
import * as m0010 from './0010-console-sessions';
import * as m0012 from './0012-paid-through';
import * as m0014 from './0014-visit-devices';
import * as m0015 from './0015-audit-reanchors';
import * as m0021 from './0021-console-unknown-name-failures';
import * as m0023 from './0023-contributions-picture-covering-index';
import * as m0024 from './0024-paid-through-covering-index';
import * as m0026 from './0026-console-sign-in-failure-days';

export const centralMigrations: Record<string, Migration> = {
  '0001-central-initial': m0001,
  '0002-person-near-match-index': m0002,
  '0003-release-channels': m0003,
  '0004-admin-units': m0004,
  '0005-office-picture': m0005,
  '0006-receipt-verification-and-audit-anchor': m0006,
  '0007-fraud-signals': m0007,
  '0008-field-records': m0008,
  '0009-console-staff': m0009,
  '0010-console-sessions': m0010,
  '0012-paid-through': m0012,
  '0014-visit-devices': m0014,
  '0015-audit-reanchors': m0015,
  '0021-console-unknown-name-failures': m0021,
  '0023-contributions-picture-covering-index': m0023,
  '0024-paid-through-covering-index': m0024,
  '0026-console-sign-in-failure-days': m0026,
};
