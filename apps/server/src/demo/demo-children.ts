import type { Db } from '../db/client';
import type { DemoPlan } from './demo-plan';

/**
 * Where the demo's children go once the child archive (the `child` table) exists. The plan is:
 * the seed school (`SEED_SCHOOL`: 185 students) gets exactly its 12 left-behind children, spread
 * over its classes, each with parents working away, a guardian, and a pairing with one of the
 * school's mentors (`bangfu.hnxx.*`); generate them with `./names` and `./random` forked from the
 * demo seed, and write them with multi-row inserts in the transaction passed here.
 *
 * Until that table exists this writes nothing: the demo invents no placeholder records.
 */
export async function addDemoChildren(_tx: Db, _plan: DemoPlan): Promise<void> {}
