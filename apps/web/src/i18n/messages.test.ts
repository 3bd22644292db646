import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { en, format, vi } from './messages.ts';

// Every string is translated: the same keys in both languages, the same placeholders, and every key
// the code asks for exists.

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')).map((e) => join(e.parentPath, e.name));
}

describe('web messages', () => {
  it('has every key in both languages, with the same placeholders', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      assert.ok(vi[key].trim() && en[key].trim(), `${key} is empty`);
      assert.deepEqual(placeholders(en[key]), placeholders(vi[key]), `${key}: placeholders differ`);
    }
  });

  it('knows every key the code uses', async () => {
    const used = new Set<string>();
    for (const file of await sources(join(import.meta.dirname, '..'))) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1] ?? '');
    }
    assert.ok(used.size > 20, `found ${used.size} keys in use`);
    assert.deepEqual([...used].filter((key) => !(key in vi)), [], 'keys used but not translated');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(format(vi['search.found'], { count: '1.234' }), 'Tìm thấy 1.234 thủ tục');
    assert.equal(format('{a} {b}', { a: 1 }), '1 {b}');
  });
});
