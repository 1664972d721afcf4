// The shell's side of updates: the update controller over electron-updater's autoUpdater, fed by
// the office core (its central, its channel, the work under way) and by the renderer (a form open),
// and the three shell methods the renderer calls. "Restart now" is a supervisor's: the shell asks
// the core who holds the window's session before it restarts anything.
import type { WebContents } from 'electron';
import { OfficeError } from '../shared/contract/errors';
import type { OfficeCore } from './core/office-core';
import type { ShellHandlers } from './shell-dispatch';
import type { ShellLogger } from './shell-log';
import { UpdateController, type UpdaterLike } from './update-controller';

/** What a shell method knows of its caller: the window, and the session token the shell keeps for it. */
export interface ShellCaller {
  contents: WebContents;
  token: string | undefined;
}

/**
 * `core` is the core calls go to (none once the app is closing); `working` the core whose work an
 * install must not cut short — at quit, the one just closed: a backup still sealing its copy onto
 * the stick outlives the store's close, and only that core knows it runs.
 */
export function startAppUpdates(updater: UpdaterLike, core: () => OfficeCore | undefined, log: ShellLogger, working: () => OfficeCore | undefined = core) {
  const formsOpen = new Map<number, boolean>();
  const controller = new UpdateController({
    updater,
    feed: async () => (await core()?.updateFeed()) ?? null,
    busy: () => [...(working()?.activity() ?? []), ...([...formsOpen.values()].some(Boolean) ? (['form'] as const) : [])],
    every: (run, ms) => setInterval(run, ms),
    log,
  });
  const handlers: Pick<ShellHandlers<ShellCaller>, 'shell.updateStatus' | 'shell.updateRestart' | 'shell.activity'> = {
    'shell.updateStatus': async () => controller.status(),
    'shell.updateRestart': async (_input, caller) => {
      const session = await core()?.invoke('session.current', {}, caller.token);
      const value = session?.ok ? (session.value as { state: string; session?: { staff: { role: string } } }) : null;
      if (value?.state !== 'active' || value.session?.staff.role !== 'supervisor') throw new OfficeError('FORBIDDEN');
      return controller.restartNow();
    },
    'shell.activity': async ({ formOpen }, caller) => {
      const id = caller.contents.id;
      if (!formsOpen.has(id)) caller.contents.once('destroyed', () => formsOpen.delete(id));
      formsOpen.set(id, formOpen);
      return { ok: true as const };
    },
  };
  return { controller, handlers };
}
