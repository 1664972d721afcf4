// Keeps the boundaries of docs/architecture.md checkable: src/shared is pure (no node:, nothing outside it),
// the office core never imports electron, the renderer only imports shared code and itself,
// and the central service never imports the office core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(abs, f));
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : spec;
}

function violations(dir: string, isAllowed: (target: string, spec: string) => boolean): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const spec of imports(file)) {
      const target = resolved(file, spec);
      if (!isAllowed(target, spec)) out.push(`${relative(root, file)} → ${spec}`);
    }
  }
  return out;
}

/** The source file a relative import names, if it is one of ours. */
function importedFile(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(file), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** The import circles among these files (type-only imports count: they tie the modules' designs together). */
function importCircles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, imports(file).flatMap((spec) => importedFile(file, spec) ?? [])]));
  // Tarjan's strongly connected components: each of more than one file is a circle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(root, member));
    } while (member !== file);
    if (component.length > 1) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/** Kysely's query builders, raw SQL templates and SQLite's own statements in a file's text. */
function queriesIn(text: string): string[] {
  return [...text.matchAll(/\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|selectNoFrom|mergeInto)\(|\bsql(?:`|<)|\.(?:prepare|pragma)\(/g)].map(
    (m) => m[0],
  );
}

describe('architecture boundaries', () => {
  it('keeps src/shared pure: no node: modules, nothing outside src/shared but zod', () => {
    expect(sourceFiles('src/shared').length).toBeGreaterThan(5);
    expect(violations('src/shared', (target, spec) => (spec.startsWith('.') ? target.startsWith('src/shared') : spec === 'zod'))).toEqual([]);
  });

  it('never lets the office core import electron or the renderer', () => {
    expect(sourceFiles('src/main/core').length).toBeGreaterThan(5);
    expect(
      violations(
        'src/main/core',
        (target, spec) => !/^electron(\/|$)|^electron-/.test(spec) && !target.startsWith('src/renderer') && !target.startsWith('src/central'),
      ),
    ).toEqual([]);
  });

  it('lets the renderer import only src/shared, its own files and browser packages (exceljs stays in the core)', () => {
    expect(
      violations('src/renderer', (target, spec) =>
        spec.startsWith('.')
          ? target.startsWith('src/renderer') || target.startsWith('src/shared')
          : !spec.startsWith('node:') && !/^(electron|better-sqlite3|kysely|pg|exceljs)\b/.test(spec),
      ),
    ).toEqual([]);
  });

  it('lets the provincial console import only src/shared, its own files, the look and pure helpers of the renderer, and browser packages', () => {
    expect(
      violations('src/console', (target, spec) =>
        spec.startsWith('.')
          ? target.startsWith('src/console') ||
            target.startsWith('src/shared') ||
            [
              'src/renderer/styles/theme',
              'src/renderer/components/app-providers',
              'src/renderer/routing/hash-router',
              'src/renderer/components/money',
              'src/renderer/components/language-segmented',
            ].includes(target)
          : !spec.startsWith('node:') && !/^(electron|better-sqlite3|kysely|pg|exceljs|hono)\b/.test(spec),
      ),
    ).toEqual([]);
  });

  it('keeps the preload narrow: electron only', () => {
    expect(violations('src/preload', (target, spec) => spec === 'electron' || target.startsWith('src/shared'))).toEqual([]);
  });

  it('gives the renderer one door: the preload exposes `invoke` on one IPC channel, and main listens on that one only', () => {
    const preload = readFileSync(join(root, 'src/preload/index.ts'), 'utf8');
    expect([...preload.matchAll(/exposeInMainWorld\(\s*'(\w+)'/g)].map((m) => m[1])).toEqual(['office']);
    const api = /const api = \{([\s\S]*?)\n\};/.exec(preload)?.[1] ?? '';
    expect([...api.matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1])).toEqual(['invoke']);
    expect([...preload.matchAll(/ipcRenderer\.(\w+)\(\s*'([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['invoke office:invoke']);
    const mainChannels = sourceFiles('src/main')
      .filter((file) => !file.includes('/core/'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/ipcMain\.(\w+)\(\s*'([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`));
    expect(mainChannels).toEqual(['handle office:invoke']);
  });

  it('keeps the central service apart from the office core and Electron', () => {
    expect(
      violations('src/central', (target, spec) => !target.startsWith('src/main') && !target.startsWith('src/renderer') && !/^electron/.test(spec)),
    ).toEqual([]);
  });

  it('lets the central (its own workspace) import only the packages its package.json lists, and ships none of them in the desktop installer', () => {
    const central = JSON.parse(readFileSync(join(root, 'src/central/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const desktop = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    const listed = (spec: string) => spec.startsWith('node:') || spec.startsWith('.') || packageOf(spec) in central.dependencies;
    expect([...violations('src/central', (_target, spec) => listed(spec)), ...violations('src/shared', (_target, spec) => listed(spec))]).toEqual([]);
    for (const serverOnly of ['hono', '@hono/node-server', 'pg', '@electric-sql/pglite', 'proper-lockfile']) {
      expect(central.dependencies[serverOnly], serverOnly).toBeDefined();
      expect(desktop.dependencies[serverOnly], serverOnly).toBeUndefined();
    }
    // The same version on both sides of the wire: the shared schemas run under one zod.
    expect(central.dependencies.zod).toBe(desktop.dependencies.zod);
  });

  it('keeps every query of the office in src/main/core/db: services, sync, the shell and the harness call repositories', () => {
    const outside = ['src/main', 'src/harness'].flatMap(sourceFiles).filter((file) => !relative(root, file).startsWith('src/main/core/db/'));
    expect(outside.length).toBeGreaterThan(50);
    expect(outside.flatMap((file) => queriesIn(readFileSync(file, 'utf8')).map((query) => `${relative(root, file)}: ${query}`))).toEqual([]);
    // The checker itself finds a query builder's call, a raw SQL template and a prepared statement.
    expect(queriesIn("await ctx.db\n  .selectFrom('office')\n sql`SELECT 1` store.prepare('SELECT 1')")).toEqual(['.selectFrom(', 'sql`', '.prepare(']);
  });

  it('gives every validation message of the contract its English twin (says(vi, en), not a bare { message })', () => {
    const bare = sourceFiles('src/shared/contract').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\{\s*message:\s*['"`]/g)].map(() => relative(root, file)),
    );
    expect(bare).toEqual([]);
  });

  it('has no import circle anywhere in src (a module that needs another that needs it is one idea in two files)', () => {
    const all = ['src/shared', 'src/main', 'src/central', 'src/harness', 'src/renderer', 'src/preload', 'src/console'].flatMap(sourceFiles);
    expect(all.length).toBeGreaterThan(100);
    expect(importCircles(all)).toEqual([]);
  });

  it('catches an import circle when one is present (the checker itself works)', () => {
    // core-context used to import the sync engine's type, which led back to it through the pull
    // applier, the sync-issues service and the household service.
    const circle = ['src/main/core/core-context.ts', 'src/main/core/services/household-service.ts'].map((f) => join(root, f));
    expect(importCircles(circle)).toEqual([]);
    const withFixtures = importCircles(
      sourceFiles('src/main').concat(join(root, 'tests/unit/fixtures/circle-a.ts'), join(root, 'tests/unit/fixtures/circle-b.ts')),
    );
    expect(withFixtures).toEqual([['tests/unit/fixtures/circle-a.ts', 'tests/unit/fixtures/circle-b.ts']]);
  });

  it('catches a forbidden import when one is present (the checker itself works)', () => {
    const fake = join(root, 'src/shared/contract/errors.ts');
    expect(imports(fake)).toEqual([]);
    expect(resolved(join(root, 'src/main/core/x.ts'), '../../shared/a')).toBe('src/shared/a');
    expect(/^electron(\/|$)/.test('electron')).toBe(true);
  });
});
