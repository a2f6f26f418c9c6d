import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { canReadChild, childScope } from './children.policy';
import { SIMILAR_NAME_THRESHOLD } from './children.repository';
import { type NameProbe, similarNamesAtSchools } from './children-bulk.repository';
import type { ProblemList } from './children-import-rows';
import type { ImportCandidate } from './children-import-validate';
import { cachedPinyinKeys } from './pinyin-keys';

/**
 * Very similar names at the same school (张羽涵 / 张雨涵): the create form asks the user to
 * confirm; an import cannot ask, so each new child's row gets a warning in the report (never a
 * problem: twins and namesakes exist). Compared with the school's archive, the create path's
 * test and threshold, and with earlier rows of the file that sound the same. Names of children
 * the caller may not see keep only their first character, as on the create path.
 */
export async function similarNameWarnings(
  db: Db,
  actor: Actor,
  creates: ImportCandidate[],
  warnings: ProblemList,
): Promise<void> {
  const probes: NameProbe[] = creates
    .filter((c) => c.name && c.placement?.schoolId)
    .map((c) => ({
      row: c.row,
      name: c.name!,
      namePinyin: cachedPinyinKeys(c.name!).namePinyin,
      schoolId: c.placement!.schoolId!,
    }));
  if (probes.length === 0) return;

  const found = await similarNamesAtSchools(db, probes, SIMILAR_NAME_THRESHOLD);
  const pairedIds = found.length > 0 ? (await childScope(db, actor)).pairedIds : [];
  for (const match of found) {
    const visible = canReadChild(actor, match, pairedIds);
    const name = visible ? match.name : `${[...match.name][0] ?? ''}**`;
    if (visible && match.birthDate)
      warnings.add(match.row, 'child.name', 'similar_name_at_school_born', { name, birthDate: match.birthDate });
    else warnings.add(match.row, 'child.name', 'similar_name_at_school', { name });
  }

  const firstBySound = new Map<string, NameProbe>();
  for (const probe of probes) {
    const key = `${probe.schoolId}|${probe.namePinyin}`;
    const first = firstBySound.get(key);
    if (!first) firstBySound.set(key, probe);
    else if (first.name !== probe.name)
      warnings.add(probe.row, 'child.name', 'similar_name_in_file', { row: first.row, name: first.name });
  }
}
