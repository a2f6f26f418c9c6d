import { type ChildTermFacts, emptyTermFacts } from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { activityFacts } from './activities';
import { gradeFacts } from './grades';
import { healthFacts } from './health';
import { talkFacts } from './talks';
import type { FactSource, FactsRequest } from './types';

/** Where each part of a letter's term summary comes from: talks, activities and awards, grades, health. */
const sources: FactSource[] = [talkFacts, activityFacts, gradeFacts, healthFacts];

/** Every child's term facts, one query per source for the whole class or school. */
export async function childTermFacts(db: Db, request: FactsRequest): Promise<Map<string, ChildTermFacts>> {
  const facts = new Map(request.childIds.map((id) => [id, emptyTermFacts()]));
  if (request.childIds.length === 0) return facts;
  for (const source of sources) {
    for (const [childId, part] of await source(db, request)) {
      const f = facts.get(childId);
      if (f) Object.assign(f, part);
    }
  }
  return facts;
}
