import { currentTermOf, todayIso } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import { listEffectiveTerms } from '../terms/terms.repository';

/**
 * The term a letter run is about: the one named, else the term running today (or the next one), else
 * the latest; with the school's terms for a picker. A term that is not the school's is "not found".
 */
export async function letterTerm(db: Db, school: { id: string; countyId: string }, termId?: string) {
  const terms = await listEffectiveTerms(db, school.countyId, school.id);
  if (terms.length === 0) throw new AppError('LETTER_NO_TERM');
  if (termId) {
    const named = terms.find((t) => t.id === termId);
    if (!named) throw new AppError('NOT_FOUND');
    return { term: named, terms };
  }
  return { term: currentTermOf(terms, todayIso()) ?? terms[0]!, terms };
}
