import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { childScope, coversChild } from '../children/children.policy';

/**
 * Who may see and write a child's learning support (study plans, term grades, 进步档案): holders
 * of `learning.*` over the child's class, school or village (class teacher, school administrator;
 * counselor and child director read), and mentors for the children paired with them only.
 */

interface ChildPlacement {
  id: string;
  schoolPath: string | null;
  villagePath: string | null;
}

export interface LearningAccess {
  readable: (child: ChildPlacement) => boolean;
  writable: (child: ChildPlacement) => boolean;
}

/** The actor's learning rights, with the paired children looked up once. */
export async function learningAccess(db: Db, actor: Actor): Promise<LearningAccess> {
  const readPaired = (await childScope(db, actor, 'learning.read')).pairedIds;
  const writePaired = (await childScope(db, actor, 'learning.write')).pairedIds;
  return {
    readable: (c) => coversChild(actor, 'learning.read', c) || readPaired.includes(c.id),
    writable: (c) => coversChild(actor, 'learning.write', c) || writePaired.includes(c.id),
  };
}

export const studyPlanAbilities = (canWrite: boolean) => ({ update: canWrite, delete: canWrite });
