import { spawn } from 'node:child_process';
import postgres from 'postgres';
const dbUrl = 'postgres://postgres@127.0.0.1:5432/congso_bench_debug';
const sql = postgres(dbUrl, { max: 1 });
const count = async () => sql`select kind, count(*)::int as n from identity.oidc_model group by kind order by kind`;
const child = spawn(process.execPath, ['bench/congso-server.ts', dbUrl], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_CLIENT_ID: 'bench-agency-system' } });
const line = await new Promise<string>((resolve) => { let out = ''; child.stdout.on('data', (c: Buffer) => { out += c.toString(); if (out.includes('\n')) resolve(out); }); });
const m = /ready (\d+) rss=\d+ client=([^:]+):(\S+)/.exec(line)!;
console.log('before', await count());
const stats = await sql`select n_tup_ins, n_tup_upd, seq_scan, idx_scan from pg_stat_user_tables where schemaname = 'identity' and relname = 'oidc_model'`;
console.log('stats before', stats);
const auth = 'Basic ' + Buffer.from(`${m[2]}:${m[3]}`).toString('base64');
for (let i = 0; i < 100; i++) {
  const r = await fetch(`http://127.0.0.1:${m[1]}/oidc/token`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&scope=api' });
  if (r.status !== 200) throw new Error(String(r.status));
  await r.text();
}
await new Promise((r) => setTimeout(r, 12000));
console.log('after 100 tokens', await count());
console.log('stats after', await sql`select n_tup_ins, n_tup_upd, seq_scan, idx_scan from pg_stat_user_tables where schemaname = 'identity' and relname = 'oidc_model'`);
child.kill();
await sql.end();
