import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../core/language.js';
import { LOCALES_DIR, loadLocaleResources } from '../dialogs/i18n.js';

/** Key paths of a locale tree; arrays and strings are leaves. */
function leafKeys(tree: unknown, prefix = ''): string[] {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function leafValues(tree: unknown): unknown[] {
  if (tree === null || typeof tree !== 'object') return [tree];
  if (Array.isArray(tree)) return tree.flatMap(leafValues);
  return Object.values(tree as Record<string, unknown>).flatMap(leafValues);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('locales', () => {
  const resources = loadLocaleResources();

  it('has the same namespaces in nb, nn and en', () => {
    const nb = Object.keys(resources.nb ?? {}).sort();
    for (const lang of LANGUAGES) assert.deepEqual(Object.keys(resources[lang] ?? {}).sort(), nb, `namespaces in ${lang}`);
  });

  for (const ns of Object.keys(resources.nb ?? {})) {
    it(`has every ${ns} key in all three languages`, () => {
      const keys = new Set(LANGUAGES.flatMap((lang) => leafKeys(resources[lang]?.[ns])));
      for (const lang of LANGUAGES) {
        const own = new Set(leafKeys(resources[lang]?.[ns]));
        const missing = [...keys].filter((k) => !own.has(k));
        assert.deepEqual(missing, [], `${ns} keys missing in ${lang}`);
      }
    });

    it(`has no empty texts in ${ns}`, () => {
      for (const lang of LANGUAGES) {
        for (const value of leafValues(resources[lang]?.[ns])) {
          assert.ok(typeof value === 'string' ? value.trim().length > 0 : typeof value === 'number' || typeof value === 'boolean', `empty text in ${lang}/${ns}`);
        }
      }
    });
  }

  it('has every key the code asks for with a literal key', () => {
    const root = join(LOCALES_DIR, '..');
    const missing: string[] = [];
    for (const file of ['dialogs', 'bot'].flatMap((d) => sourceFiles(join(root, d)))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt(?:List)?\(\s*[\w.]+\s*,\s*'([^'`$]+)'/g)) {
        const full = match[1]!;
        const [ns, key] = full.includes(':') ? full.split(':', 2) as [string, string] : ['common', full];
        for (const lang of LANGUAGES) {
          const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), resources[lang]?.[ns]);
          if (found === undefined) missing.push(`${lang}:${ns}:${key} (${file.slice(root.length)})`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });
});
