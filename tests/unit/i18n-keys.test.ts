// The two languages stay in step: vi (default) and en have exactly the same keys, no string is
// empty, and every literal key the renderer passes to t('…') exists, so a clerk never sees a raw key.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleEn } from '../../src/console/i18n/en';
import { consoleVi } from '../../src/console/i18n/vi';
import { en } from '../../src/renderer/i18n/en';
import { vi } from '../../src/renderer/i18n/vi';
import { paymentMethods, schemes } from '../../src/shared/contract/contribution';
import { otherCoverages } from '../../src/shared/contract/household';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const viKeys = leaves(vi as Tree);
const enKeys = leaves(en as Tree);

/** Literal keys in `t('a.b')` calls and `labelKey: 'a.b'` props across the renderer's (or the console's) sources. */
function literalKeysUsed(source = 'src/renderer'): Set<string> {
  const dir = resolve(__dirname, '../..', source);
  const used = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(ts|tsx)$/.test(file) || file.startsWith('i18n')) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'|labelKey:\s*'([\w.-]+)'/g)) used.add((m[1] ?? m[2])!);
  }
  return used;
}

describe('i18n keys', () => {
  it('gives Vietnamese and English exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...viKeys.keys()].sort());
  });

  it('has no empty string in either language', () => {
    const empty = [...viKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('names every value of the contract the screens show by a key made from it', () => {
    // t(`method.${m}`) and the like: a value added to the contract without its words showed as "method.lump-…".
    const made = [...paymentMethods.map((m) => `method.${m}`), ...schemes.map((s) => `scheme.${s}`), ...otherCoverages.map((c) => `household.coverage.${c}`)];
    expect(made.filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('defines every literal key the renderer asks for', () => {
    // A counted text (t(key, { count })) is defined by its plural forms, key_one and key_other (i18next).
    const missing = [...literalKeysUsed()].filter((k) => !viKeys.has(k) && !viKeys.has(`${k}_other`));
    expect(missing).toEqual([]);
  });
});

describe('i18n keys of the provincial console', () => {
  const consoleViKeys = leaves(consoleVi as Tree);
  const consoleEnKeys = leaves(consoleEn as Tree);

  it('gives Vietnamese and English the same keys, none empty', () => {
    expect([...consoleEnKeys.keys()].sort()).toEqual([...consoleViKeys.keys()].sort());
    expect([...consoleViKeys, ...consoleEnKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('defines every literal key its pages ask for', () => {
    const used = literalKeysUsed('src/console');
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !consoleViKeys.has(k))).toEqual([]);
  });
});
