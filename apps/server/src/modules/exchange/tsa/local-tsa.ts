import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A local RFC 3161 time-stamping authority for development and tests: OpenSSL's `ts -reply` behind
// a small HTTP server. Its CA and TSA certificate are generated once into the data directory. It is
// not a qualified TSA: production names one with EXCHANGE_TSA_URL (config validation enforces it).

const run = promisify(execFile);
const OPENSSL = 'openssl';
const MAX_QUERY_BYTES = 4096;

export type LocalTsaFiles = { dir: string; caCert: string; tsaCert: string; tsaKey: string; config: string };

const filesIn = (dir: string): LocalTsaFiles => ({ dir, caCert: join(dir, 'ca.pem'), tsaCert: join(dir, 'tsa.pem'), tsaKey: join(dir, 'tsa.key'), config: join(dir, 'tsa.cnf') });

/** Creates the CA and the TSA certificate (extendedKeyUsage critical timeStamping) unless present. */
export async function ensureTsaFiles(dir: string): Promise<LocalTsaFiles> {
  const files = filesIn(dir);
  if (existsSync(files.config)) return files;
  await mkdir(join(dir, '..'), { recursive: true });
  // Built aside and renamed into place, so concurrent starts never see half a directory.
  const work = await mkdtemp(`${dir}.tmp-`);
  const w = filesIn(work);
  await run(OPENSSL, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(work, 'ca.key')]);
  await run(OPENSSL, ['req', '-x509', '-new', '-key', join(work, 'ca.key'), '-subj', '/O=Congso/CN=Congso local TSA CA (not for production)', '-days', '3650', '-out', w.caCert, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await run(OPENSSL, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', w.tsaKey]);
  await run(OPENSSL, ['req', '-new', '-key', w.tsaKey, '-subj', '/O=Congso/CN=Congso local TSA (not for production)', '-out', join(work, 'tsa.csr')]);
  await writeFile(join(work, 'ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await run(OPENSSL, ['x509', '-req', '-in', join(work, 'tsa.csr'), '-CA', w.caCert, '-CAkey', join(work, 'ca.key'), '-CAcreateserial', '-days', '3650', '-extfile', join(work, 'ext.cnf'), '-out', w.tsaCert]);
  await writeFile(join(work, 'serial'), '01\n');
  await writeFile(
    w.config,
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `serial = ${join(dir, 'serial')}`,
      'crypto_device = builtin',
      `signer_cert = ${files.tsaCert}`,
      `certs = ${files.caCert}`,
      `signer_key = ${files.tsaKey}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.59999.1.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  try {
    await rename(work, dir);
  } catch {
    await rm(work, { recursive: true, force: true }); // another process won the race
  }
  return files;
}

export type LocalTsa = { url: string; port: number; files: LocalTsaFiles; stop(): Promise<void> };

/** Serves POST application/timestamp-query → application/timestamp-reply on 127.0.0.1. */
export async function startLocalTsa(options: { dir: string; port?: number }): Promise<LocalTsa> {
  const files = await ensureTsaFiles(options.dir);
  let queue: Promise<unknown> = Promise.resolve();
  const reply = async (query: Buffer): Promise<Buffer> => {
    const work = await mkdtemp(join(options.dir, 'q-'));
    try {
      await writeFile(join(work, 'q.tsq'), query);
      await run(OPENSSL, ['ts', '-reply', '-config', files.config, '-queryfile', join(work, 'q.tsq'), '-out', join(work, 'r.tsr')]);
      return await readFile(join(work, 'r.tsr'));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
  const server: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
      response.writeHead(400).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_QUERY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      // One `openssl ts -reply` at a time: they share the serial-number file.
      const answer = queue.then(() => reply(Buffer.concat(chunks)));
      queue = answer.catch(() => undefined);
      answer.then(
        (body) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    port,
    files,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
