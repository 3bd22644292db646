// Request coalescing for hot point reads: lookups that arrive while a query is running go together in
// the next one (`where key = any(…)`), so a burst of N reads costs a few round trips instead of N.
// Each lookup still reads data committed before its own query started: nothing is cached.

export type BatchLoader<K, V> = { load(key: K): Promise<V | undefined> };

export function createBatchLoader<K, V>(loadMany: (keys: readonly K[]) => Promise<Map<K, V>>, options: { maxBatch?: number; concurrency?: number } = {}): BatchLoader<K, V> {
  const maxBatch = options.maxBatch ?? 100;
  const concurrency = options.concurrency ?? 2;
  const queue: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  let running = 0;

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      running++;
      loadMany([...new Set(batch.map((waiting) => waiting.key))])
        .then((found) => {
          for (const waiting of batch) waiting.resolve(found.get(waiting.key));
        })
        .catch((error: unknown) => {
          for (const waiting of batch) waiting.reject(error);
        })
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  return {
    load(key) {
      return new Promise((resolve, reject) => {
        queue.push({ key, resolve, reject });
        pump();
      });
    },
  };
}
