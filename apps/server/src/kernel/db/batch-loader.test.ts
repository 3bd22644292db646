import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createBatchLoader } from './batch-loader.ts';

describe('batch loader (request coalescing)', () => {
  it('answers each key with its own value, coalescing concurrent lookups into few loads', async () => {
    const calls: number[][] = [];
    const loader = createBatchLoader<number, string>(async (keys) => {
      calls.push([...keys]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Map(keys.filter((k) => k % 7 !== 0).map((k) => [k, `v${k}`]));
    }, { maxBatch: 50, concurrency: 2 });
    const keys = Array.from({ length: 300 }, (_, i) => i % 120);
    const values = await Promise.all(keys.map((k) => loader.load(k)));
    assert.deepEqual(values, keys.map((k) => (k % 7 === 0 ? undefined : `v${k}`)));
    assert.ok(calls.length <= 10, `${calls.length} loads for 300 lookups`);
    assert.ok(calls.every((c) => c.length <= 50 && new Set(c).size === c.length), 'batches respect the limit and carry each key once');
  });

  it('fails the lookups of a failed load only, and keeps serving', async () => {
    let fail = true;
    const loader = createBatchLoader<string, number>(async (keys) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k.length]));
    }, { concurrency: 1 });
    await assert.rejects(loader.load('abc'), /database down/);
    fail = false;
    assert.equal(await loader.load('abcd'), 4);
  });

  it('never loses or mixes up a lookup (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 80 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), async (keys, maxBatch, concurrency) => {
        const loader = createBatchLoader<number, number>(async (batch) => {
          await Promise.resolve();
          return new Map(batch.map((k) => [k, k * 2]));
        }, { maxBatch, concurrency });
        assert.deepEqual(await Promise.all(keys.map((k) => loader.load(k))), keys.map((k) => k * 2));
      }),
      { numRuns: 200 },
    );
  });
});
