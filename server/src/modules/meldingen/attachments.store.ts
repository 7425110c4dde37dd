// SPDX-License-Identifier: EUPL-1.2
// Encrypted file storage for bijlagen under config.filesDir. Files are written before the
// database transaction commits; the caller removes them when it rolls back.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Secrets } from '../../platform/crypto.js';

export interface FileStore {
  write(data: Buffer): Promise<string>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

function fileKey(secrets: Secrets): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secrets.encryptionKey, Buffer.alloc(0), 'knooppunt:bijlagen', 32));
}

export function createFileStore(dir: string, secrets: Secrets): FileStore {
  const key = fileKey(secrets);
  const pathFor = (k: string) => {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(k)) throw new Error('ongeldige opslagsleutel');
    return path.join(dir, k);
  };
  return {
    async write(data) {
      const id = crypto.randomUUID();
      const k = `${id.slice(0, 2)}/${id}`;
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      const sealed = Buffer.concat([Buffer.from('KPB1'), iv, cipher.getAuthTag(), body]);
      const target = pathFor(k);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.tmp`;
      const fh = await fs.open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(sealed);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, target);
      return k;
    },
    async read(k) {
      const sealed = await fs.readFile(pathFor(k));
      if (sealed.subarray(0, 4).toString() !== 'KPB1') throw new Error('onbekend bestandsformaat');
      const iv = sealed.subarray(4, 16);
      const tag = sealed.subarray(16, 32);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
    },
    async remove(k) {
      await fs.rm(pathFor(k), { force: true });
    },
  };
}
