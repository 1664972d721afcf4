// Embedded PGlite is one process's database: while a central has its folder open, another process
// (an admin command beside the running server) is refused with a typed reason and writes nothing;
// once the first closes, the folder opens again with everything the first wrote.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createOffice } from '../../../src/central/admin';
import { openCentralDatabase } from '../../../src/central/db/central-database';
import { tempDir } from '../fixtures/office-fixture';
import { resourcesDir } from '../sync/central-fixture';

const root = join(__dirname, '../../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('embedded PGlite folder', () => {
  it('is refused to a second opener while open, in this process and from the admin command line', async () => {
    const data = tempDir('fo-central-lock-');
    cleanups.push(data.remove);
    const first = await openCentralDatabase({ dataDir: data.dir, resourcesDir });
    let open = true;
    cleanups.push(() => open && first.close());
    await createOffice(first.db, { code: 'HNL1', name: 'BHXH cơ sở Khóa', provinceCode: '01' });

    await expect(openCentralDatabase({ dataDir: data.dir, resourcesDir })).rejects.toMatchObject({
      code: 'DATA_IN_USE',
      vi: expect.stringMatching(/đang được một tiến trình trung tâm khác mở/),
    });

    const cli = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/central/cli.ts', 'admin', 'create-office', '--data', data.dir, '--code', 'HNL2', '--name', 'X', '--province', '01'],
      {
        cwd: root,
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(cli).toMatchObject({ code: 1, stderr: expect.stringContaining('DATA_IN_USE: Thư mục dữ liệu') });

    await first.close();
    open = false;
    const again = await openCentralDatabase({ dataDir: data.dir, resourcesDir });
    try {
      const offices = await again.db.selectFrom('offices').select('code').orderBy('code').execute();
      expect(offices.map((o) => o.code)).toEqual(['HNL1']);
    } finally {
      await again.close();
    }
  });
});
