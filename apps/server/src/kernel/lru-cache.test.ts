import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LruCache } from './lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.deepEqual([cache.hits, cache.misses], [3, 1]);
  });

  it('never holds more than its capacity and always returns the last value set (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer())), (capacity, ops) => {
        const cache = new LruCache<number, number>(capacity);
        for (const [key, value] of ops) {
          cache.set(key, value);
          assert.ok(cache.size <= capacity);
          assert.equal(cache.get(key), value);
        }
      }),
    );
  });

  it('rejects a capacity below one', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
