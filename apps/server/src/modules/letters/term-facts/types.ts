import type { ChildTermFacts } from '@shouwang/shared';
import type { Db } from '../../../db/client';

/** The children and the term a letter run is about (all of one county). */
export interface FactsRequest {
  countyId: string;
  childIds: string[];
  startDate: string;
  endDate: string;
  termId: string;
  /** The school's term before this one (grades are compared with it), if any. */
  previousTermId: string | null;
}

/** One source of a child's term facts (talks, activities, grades, health): a part of each child's facts. */
export type FactSource = (db: Db, request: FactsRequest) => Promise<Map<string, Partial<ChildTermFacts>>>;
