import { archiveCompleteness } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { listCategories } from '../child-history.repository';
import { findChild, setDerived } from '../children.repository';
import { listGuardians } from '../guardians.repository';
import { listParents } from '../parents.repository';

/**
 * Recomputes 已建档 (the shared completeness rules) after any write to the archive, in the same
 * transaction, so the list filter and 建档率 are plain SQL over `archive_complete`.
 */
export async function refreshCompleteness(db: Db, childId: string): Promise<void> {
  const row = await findChild(db, childId, { includeDeleted: true });
  if (!row) return;
  const categories = await listCategories(db, childId);
  const parents = await listParents(db, childId);
  const guardians = await listGuardians(db, childId);
  const result = archiveCompleteness({
    ...row,
    hasIdNumber: row.idNumberHash !== null,
    categories: categories.filter((c) => c.endDate === null).map((c) => c.category),
    parents,
    guardians,
  });
  if (result.complete !== row.archiveComplete || result.missing.join() !== row.archiveMissing.join())
    await setDerived(db, childId, { archiveComplete: result.complete, archiveMissing: result.missing });
}
