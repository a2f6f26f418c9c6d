import type { AidType, FundPurpose, FundSource } from '@shouwang/shared';
import type { Db } from '../../db/client';
import { aidByType, aidedChildren } from './aid.repository';
import { ledgerSums } from './fund-ledger.repository';

/**
 * Aid and funding of a unit (school, village, township or county, by org path) over a term, for
 * the work summary and statistics. Amounts are fen (分); a child belongs to the unit through the
 * class/school or the home village; the ledger counts the schools under the unit.
 */
export interface AidTotals {
  records: number;
  children: number;
  amountFen: number;
  byType: { type: AidType; records: number; children: number; leftBehindChildren: number; amountFen: number }[];
  fund: {
    incomeFen: number;
    expenseFen: number;
    incomeBySource: { source: FundSource; amountFen: number }[];
    expenseByPurpose: { purpose: FundPurpose; amountFen: number }[];
  };
}

export async function aidTotals(
  db: Db,
  scope: { countyId: string; orgPath: string },
  term: { startDate: string; endDate: string },
): Promise<AidTotals> {
  const [byType, children, ledger] = await Promise.all([
    aidByType(db, scope, term),
    aidedChildren(db, scope, term),
    ledgerSums(db, scope, term),
  ]);
  const income = ledger.filter((l) => l.direction === 'income');
  const expense = ledger.filter((l) => l.direction === 'expense');
  return {
    records: byType.reduce((n, r) => n + r.records, 0),
    children,
    amountFen: byType.reduce((n, r) => n + r.amountFen, 0),
    byType,
    fund: {
      incomeFen: income.reduce((n, r) => n + r.amountFen, 0),
      expenseFen: expense.reduce((n, r) => n + r.amountFen, 0),
      incomeBySource: income.map((r) => ({ source: r.category as FundSource, amountFen: r.amountFen })),
      expenseByPurpose: expense.map((r) => ({ purpose: r.category as FundPurpose, amountFen: r.amountFen })),
    },
  };
}
