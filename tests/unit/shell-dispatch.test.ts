// The desktop shell's methods (print, the file chooser) reach their handlers only with input the
// shell contract accepts, and every outcome comes back typed — as the core's methods do.
import { describe, expect, it } from 'vitest';
import { OfficeError } from '../../src/shared/contract/errors';
import { isShellMethodName } from '../../src/shared/contract/shell';
import { createShellDispatcher, type ShellHandlers } from '../../src/main/shell-dispatch';

type Window = { id: number };

function dispatcher(overrides: Partial<ShellHandlers<Window>> = {}) {
  const calls: { method: string; input: unknown; window: Window }[] = [];
  const logged: unknown[] = [];
  const handlers: ShellHandlers<Window> = {
    'shell.print': async (input, window) => {
      calls.push({ method: 'shell.print', input, window });
      return { printed: true, ...(input.archiveName ? { pdfPath: `/archive/${input.archiveName}.pdf` } : {}) };
    },
    'shell.pickPath': async (input, window) => {
      calls.push({ method: 'shell.pickPath', input, window });
      return { path: input.kind === 'export-folder' ? '/media/usb' : null };
    },
    'shell.updateStatus': async () => ({ state: 'idle', channel: null, version: null, releaseNotes: null, percent: null, blockedBy: [], lastCheckedAt: null }),
    'shell.updateRestart': async () => ({ restarting: false, blockedBy: [] }),
    'shell.activity': async (input, window) => {
      calls.push({ method: 'shell.activity', input, window });
      return { ok: true };
    },
    ...overrides,
  };
  return { invoke: createShellDispatcher(handlers, (e) => logged.push(e)), calls, logged };
}

describe('shell methods', () => {
  it('are told apart from the core’s methods by name', () => {
    expect(['shell.print', 'shell.pickPath'].every(isShellMethodName)).toBe(true);
    expect(['participants.search', 'shell.exec', 'toString', 'constructor', 42].some(isShellMethodName)).toBe(false);
  });

  it('hand the checked input and the calling window to the handler and return its answer', async () => {
    const { invoke, calls } = dispatcher();
    const window = { id: 7 };
    expect(await invoke('shell.print', { archiveName: 'QN-0001_BAN-SAO-2', pageSize: 'A5' }, window)).toEqual({
      ok: true,
      value: { printed: true, pdfPath: '/archive/QN-0001_BAN-SAO-2.pdf' },
    });
    expect(await invoke('shell.pickPath', { kind: 'result-file' }, window)).toEqual({ ok: true, value: { path: null } });
    expect(calls).toEqual([
      { method: 'shell.print', input: { archiveName: 'QN-0001_BAN-SAO-2', pageSize: 'A5' }, window },
      { method: 'shell.pickPath', input: { kind: 'result-file' }, window },
    ]);
  });

  it.each([
    ['an archive name that climbs out of the archive folder', 'shell.print', { archiveName: '../../.bashrc' }, 'archiveName'],
    ['a hidden archive file', 'shell.print', { archiveName: '.hidden' }, 'archiveName'],
    ['an archive name with a path separator', 'shell.print', { archiveName: 'a/b' }, 'archiveName'],
    ['an unknown page size', 'shell.print', { pageSize: 'Letter' }, 'pageSize'],
    ['a field the contract does not name', 'shell.print', { silent: true, printer: 'x' }, undefined],
    ['an unknown chooser kind', 'shell.pickPath', { kind: 'any-file' }, 'kind'],
  ] as const)('refuse %s with a typed VALIDATION error and never reach the handler', async (_label, method, input, field) => {
    const { invoke, calls } = dispatcher();
    const result = await invoke(method, input, { id: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.field).toBe(field);
    expect(result.error.message).not.toBe('');
    expect(calls).toEqual([]);
  });

  it('pass a handler’s typed error through (a failed printer) and hide anything else behind INTERNAL, logged', async () => {
    const failing = dispatcher({
      'shell.print': async () => {
        throw new OfficeError('PRINT_FAILED', { details: { reason: 'Print job failed' } });
      },
      'shell.pickPath': async () => {
        throw new Error('dialog crashed at /home/clerk');
      },
    });
    const printed = await failing.invoke('shell.print', {}, { id: 1 });
    expect(printed).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED', details: { reason: 'Print job failed' } } });
    if (!printed.ok) expect(printed.error.message).toMatch(/Không in được/);
    const picked = await failing.invoke('shell.pickPath', { kind: 'export-folder' }, { id: 1 });
    expect(picked).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(picked)).not.toContain('/home/clerk');
    expect(failing.logged).toHaveLength(1);
  });

  it('check a handler’s answer against the contract too', async () => {
    const { invoke, logged } = dispatcher({ 'shell.pickPath': async () => ({ path: 42 }) as unknown as { path: string } });
    expect(await invoke('shell.pickPath', { kind: 'export-folder' }, { id: 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveLength(1);
  });
});
