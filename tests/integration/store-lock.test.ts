// Two cores never open the same store: the data folder's lock is held while a core is open,
// refused to a second core with a typed error, released at close — and by the operating system
// when the process holding it dies, so a crash leaves nothing to wait out.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockStore } from '../../src/main/core/db/store-lock';
import { openCore, tempDir } from './fixtures/office-fixture';

describe('the store lock', () => {
  it('refuses a second core on an open store and lets one in after the first closes', async () => {
    const temp = tempDir();
    const first = await openCore(temp.dir);
    const refused = await openCore(temp.dir).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', messageEn: expect.stringContaining('open in another Field Office window') });
    expect(await first.invoke('session.current', {})).toMatchObject({ ok: true });
    await first.close();
    const second = await openCore(temp.dir);
    await second.close();
    temp.remove();
  });

  it('is released by the system when the process holding it is killed', async () => {
    const temp = tempDir();
    const script = `
      const { lockStore } = await import(${JSON.stringify(join(__dirname, '../../src/main/core/db/store-lock.ts'))});
      lockStore(${JSON.stringify(temp.dir)});
      console.log('held');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
    });
    expect(() => lockStore(temp.dir)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const lock = lockStore(temp.dir);
    lock.release();
    temp.remove();
  });
});
