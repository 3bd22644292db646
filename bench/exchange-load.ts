// One load run for bench/exchange-gateway.ts, with autocannon in its own process: the same person
// lookups, either directly from the registry's API or through the gateway's /r1/ protocol with a fresh
// X-Road-Id and X-Road-Date per request (a replayed id would be refused). Prints one JSON line.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { printLoadSummary } from './load-summary.ts';

const [url, mode, token, ids, connections, seconds] = process.argv.slice(2);
if (!url || (mode !== 'direct' && mode !== 'gateway') || !token || !ids) throw new Error('usage: exchange-load.ts <url> direct|gateway <token> <id,id,…> <connections> <seconds>');
const personalIds = ids.split(',');
const CLIENT = 'VN/GOV/H29.15/bench-client';
const SERVICE = 'VN/GOV/G01/population-registry/person';
const PURPOSE = encodeURIComponent('Đo hiệu năng cổng trao đổi');
let n = 0;
const result = await autocannon({
  url,
  connections: Number(connections ?? 50),
  duration: Number(seconds ?? 10),
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => {
        const id = personalIds[n++ % personalIds.length] ?? '';
        if (mode === 'direct') return { ...request, path: `/api/v1/registries/population/persons/${id}`, headers: { authorization: `Bearer ${token}`, 'x-road-purpose': PURPOSE } };
        return {
          ...request,
          path: `/r1/${SERVICE}/${id}`,
          headers: { authorization: `Bearer ${token}`, 'x-road-client': CLIENT, 'x-road-id': randomUUID(), 'x-road-date': new Date().toISOString(), 'x-road-userid': 'bench-operator', 'x-road-purpose': PURPOSE },
        };
      },
    },
  ],
});
printLoadSummary(result);
