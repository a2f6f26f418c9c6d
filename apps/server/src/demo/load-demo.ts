import type { Db } from '../db/client';

export async function loadDemoIfNeeded(_db: Db, _dataDir: string): Promise<void> {
  throw new Error('The demo county is not written yet');
}
