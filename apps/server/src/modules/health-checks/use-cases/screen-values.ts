import { screenHealthCheck } from '@shouwang/shared';
import type { ChildRow } from '../../children/children.repository';
import type { HealthCheckInsert } from '../health-checks.repository';

export interface Measurements {
  heightCm?: number | null;
  weightKg?: number | null;
  visionLeft?: number | null;
  visionRight?: number | null;
}

/** What a check derives from the child's sex and birth date and its measurements (shared screening). */
export function screenedColumns(
  child: Pick<ChildRow, 'sex' | 'birthDate'>,
  checkedOn: string,
  m: Measurements,
): Pick<HealthCheckInsert, 'ageMonths' | 'bmi' | 'flags' | 'growthScreened'> {
  const s = screenHealthCheck({ sex: child.sex ?? null, birthDate: child.birthDate ?? null, checkedOn, ...m });
  return { ageMonths: s.ageMonths, bmi: s.bmi, flags: s.flags, growthScreened: s.growthScreened };
}
