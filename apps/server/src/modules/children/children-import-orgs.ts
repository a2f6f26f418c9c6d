import { compareUnitNames } from '@shouwang/shared/unit-order';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope } from '../../lib/authz/scope';
import type { OrgRow } from '../orgs/orgs.repository';
import type { Placement } from './child-placement';
import { orgsOfCounties } from './children-bulk.repository';
import type { OrgLists } from './children-template';

export interface PlacementNames {
  township?: string;
  village?: string;
  school?: string;
  class?: string;
}

export interface PlacementProblem {
  path: string;
  key: string;
  params?: Record<string, string>;
}

/**
 * The units of the caller's counties by name, loaded once per import: a file names its schools,
 * classes and villages, and every row is resolved here instead of with a query per row.
 */
export class OrgDirectory {
  private readonly byId = new Map<string, OrgRow>();
  private readonly byName = new Map<string, OrgRow[]>();

  private constructor(
    private readonly actor: Actor,
    rows: OrgRow[],
  ) {
    for (const row of rows) {
      this.byId.set(row.id, row);
      const key = `${row.kind}:${row.name}`;
      this.byName.set(key, [...(this.byName.get(key) ?? []), row]);
    }
  }

  static async load(db: Db, actor: Actor): Promise<OrgDirectory> {
    const counties = [...new Set(grantsFor(actor, 'child.write').map((g) => g.countyId))];
    return new OrgDirectory(actor, await orgsOfCounties(db, counties));
  }

  get(id: string | null | undefined): OrgRow | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The active units the caller may file children at, for the template's drop-downs. */
  writableLists(): OrgLists {
    const names = (kind: OrgRow['kind']) =>
      [...new Set([...this.byId.values()].filter((o) => o.kind === kind && this.usable(o)).map((o) => o.name))].sort(
        compareUnitNames,
      );
    return {
      townships: names('township'),
      villages: names('village'),
      schools: names('school'),
      classes: names('class'),
    };
  }

  private usable(o: OrgRow) {
    return o.active && (o.kind === 'township' || inScope(this.actor, 'child.write', o.path));
  }

  /** One unit by kind and name: the caller's own one when several share the name. */
  private pick(kind: OrgRow['kind'], name: string, filter: (o: OrgRow) => boolean = () => true) {
    const all = (this.byName.get(`${kind}:${name}`) ?? []).filter(filter);
    if (all.length <= 1) return { row: all[0], ambiguous: false };
    const mine = all.filter((o) => o.active && inScope(this.actor, 'child.write', o.path));
    return mine.length === 1 ? { row: mine[0], ambiguous: false } : { row: undefined, ambiguous: true };
  }

  /**
   * Resolves the names of a row to units, or says what is wrong. Whether the caller may file a
   * child there is decided later: a row that names only the school of a child already in one of
   * the caller's classes keeps that class (the national form has no class column).
   */
  resolve(names: PlacementNames): { placement?: Placement; problems: PlacementProblem[] } {
    const problems: PlacementProblem[] = [];
    const find = (kind: OrgRow['kind'], path: string, name: string, filter?: (o: OrgRow) => boolean) => {
      const { row, ambiguous } = this.pick(kind, name, filter);
      if (ambiguous) problems.push({ path, key: 'org_ambiguous', params: { value: name } });
      else if (!row)
        problems.push({ path, key: `${kind}_not_found`, params: { value: name, school: names.school ?? '' } });
      else if (!row.active) problems.push({ path, key: 'org_inactive' });
      else return row;
      return undefined;
    };
    const school = names.school ? find('school', 'child.schoolName', names.school) : undefined;
    let cls: OrgRow | undefined;
    if (names.class && !names.school) problems.push({ path: 'child.className', key: 'class_requires_school' });
    else if (names.class && school)
      cls = find('class', 'child.className', names.class, (o) => o.parentId === school.id);
    const township = names.township;
    const village = names.village
      ? find('village', 'child.villageName', names.village, (o) =>
          township ? this.byId.get(o.parentId ?? '')?.name === township : true,
        )
      : undefined;
    if (!names.school && !names.village) problems.push({ path: 'child.schoolName', key: 'school_or_village_required' });
    if (school && village && school.countyId !== village.countyId)
      problems.push({ path: 'child.villageName', key: 'village_invalid' });
    if (problems.length > 0) return { problems };
    const placement: Placement = {
      schoolId: school?.id ?? null,
      classId: cls?.id ?? null,
      villageId: village?.id ?? null,
      countyId: (school ?? village)!.countyId,
      schoolPath: cls?.path ?? school?.path ?? null,
      villagePath: village?.path ?? null,
    };
    return { placement, problems };
  }
}
