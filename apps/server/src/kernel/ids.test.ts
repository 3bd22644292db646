import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UUID_PATTERN, uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('makes RFC 9562 version-7 UUIDs', () => {
    const id = uuidv7();
    assert.match(id, UUID_PATTERN);
    assert.equal(id[14], '7');
    assert.match(id[19] ?? '', /[89ab]/);
  });

  it('is unique and sorts by creation time, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_795_000_000_000 + Math.floor(i / 1000)));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
  });

  it('encodes the timestamp in its first 48 bits', () => {
    const at = Date.UTC(2026, 10, 23, 8, 0, 0);
    assert.equal(parseInt(uuidv7(at).replace(/-/g, '').slice(0, 12), 16), at);
  });
});
