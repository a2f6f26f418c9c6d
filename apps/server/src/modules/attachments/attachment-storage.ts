import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files under the attachments folder, named by the server (`ab/abcdef….bin`, a random UUID split
 * on its first two characters so no folder grows huge). Client names never reach the file system.
 */
export class AttachmentStorage {
  constructor(private readonly root: string) {}

  /** Writes the bytes under a new name (to a temporary file, then renamed) and answers its key. */
  async save(bytes: Buffer): Promise<{ storageKey: string; sha256: string }> {
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}.bin`;
    const target = this.pathOf(storageKey);
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.part`;
    await fs.promises.writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    await fs.promises.rename(temporary, target);
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Removes a file whose database row was never written (the upload's transaction failed). */
  async discard(storageKey: string): Promise<void> {
    await fs.promises.rm(this.pathOf(storageKey), { force: true });
  }

  /** An open stream and the size of a stored file, or null when the file is gone. */
  async open(storageKey: string): Promise<{ stream: fs.ReadStream; size: number } | null> {
    const file = this.pathOf(storageKey);
    try {
      const handle = await fs.promises.open(file, 'r');
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The absolute path of a key; refuses keys that would leave the folder. */
  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}\.bin$/.test(storageKey)) throw new Error('invalid storage key');
    return path.join(this.root, storageKey);
  }
}
