// SPDX-License-Identifier: EUPL-1.2
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no data-directory lock of its own and two processes on one directory corrupt it.
 * This is our exclusive lock: a lock file created with O_EXCL holding pid and host. A lock left
 * behind by a killed process (pid no longer alive on this host) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `De datamap wordt al gebruikt door een ander Knooppunt-proces (pid ${holderPid}). ` +
        `Stop dat proces eerst; twee processen op één PGlite-datamap beschadigen de database. (${lockPath})`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

export function acquireDirLock(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'knooppunt.lock');
  const info: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          try {
            const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
            if (current.pid === process.pid) fs.unlinkSync(lockPath);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        holder = null; // half-written lock of a process killed while writing it
      }
      if (holder && holder.host === os.hostname() && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      if (holder && holder.host !== os.hostname()) {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      // Stale lock: the holder is gone. Remove and retry once (O_EXCL decides any race).
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kon de vergrendeling ${lockPath} niet verkrijgen`);
}
