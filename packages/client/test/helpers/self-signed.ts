/**
 * A self-signed certificate for 127.0.0.1, made at test time with the system's `openssl` into a
 * temporary folder that `remove()` deletes: no key is ever committed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SelfSigned {
  key: Buffer;
  /** The certificate, PEM: also the only CA that can vouch for it. */
  cert: Buffer;
  remove(): Promise<void>;
}

export async function makeSelfSigned(): Promise<SelfSigned> {
  const dir = await mkdtemp(join(tmpdir(), 'fgs-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
  args.push('-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile);
  await promisify(execFile)('/usr/bin/openssl', args, { timeout: 30_000 });
  const [key, cert] = await Promise.all([readFile(keyFile), readFile(certFile)]);
  return { key, cert, remove: () => rm(dir, { recursive: true, force: true }) };
}
