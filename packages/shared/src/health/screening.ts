import type { Sex } from '../enums/children';
import type { HealthFlag } from '../enums/health';
import { overweightBmi, stuntingHeightCm, thinnessBmi } from './ws-tables';

/**
 * Growth and vision screening of a school health check (体检). Pure functions, used live by the
 * batch-entry table and again by the server when it stores a check, so both always agree.
 *
 * Standards (sources and caveats: ./reference/README.md):
 * - WS/T 456-2014 学龄儿童青少年营养不良筛查: stunting (height ≤ cut-off), thinness (BMI ≤ cut-off),
 *   ages 6.0–17.5.
 * - WS/T 586-2018 学龄儿童青少年超重与肥胖筛查: overweight (BMI ≥ cut-off), obesity (BMI ≥ cut-off).
 * - GB 11533-2011 标准对数视力表 (5-point record): < 5.0 is poor vision for ages 6 and up;
 *   4.9 mild, 4.6–4.8 moderate, ≤ 4.5 severe.
 *
 * Conventions: the age group is floor(age in completed months / 6) / 2 (never rounded to the
 * nearest half year); BMI is rounded half-up to one decimal (the tables' precision) before it is
 * compared, as the standards' published SPSS coding does. Under 6 the growth tables do not apply
 * (WS/T 423-2022 would; its tables are not transcribed), so no growth flag is raised; a preschooler
 * below 5.0 is flagged "refer for an eye check" without a grade.
 */

const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

/** BMI = kg / m², rounded half-up to one decimal. */
export function bmiOf(heightCm: number, weightKg: number): number {
  const m = heightCm / 100;
  return round1(weightKg / (m * m));
}

/** Completed months between a birth date and a day (both YYYY-MM-DD); null when born later. */
export function ageInMonths(birthDate: string, on: string): number | null {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  return months >= 0 ? months : null;
}

/** The standards' half-year age group: 78–83 months → 6.5. */
export const ageGroupOf = (months: number) => Math.floor(months / 6) / 2;

function rowOf<R extends readonly number[]>(rows: readonly R[], group: number): R | undefined {
  return rows.find((r) => r[0] === group);
}

/** WS/T 456 and WS/T 586 flags for one child; empty outside the tables' ages. */
export function growthFlags(sex: Sex, group: number, heightCm: number | null, bmi: number | null): HealthFlag[] {
  const flags: HealthFlag[] = [];
  const stunting = rowOf(stuntingHeightCm[sex], group);
  if (stunting && heightCm !== null && round1(heightCm) <= stunting[1]) flags.push('stunting');
  if (bmi === null) return flags;
  const thin = rowOf(thinnessBmi[sex], group);
  if (thin && bmi <= thin[1]) return [...flags, 'thinness_moderate_severe'];
  if (thin && bmi <= thin[2]) return [...flags, 'thinness_mild'];
  const heavy = rowOf(overweightBmi[sex], group);
  if (heavy && bmi >= heavy[2]) return [...flags, 'obesity'];
  if (heavy && bmi >= heavy[1]) return [...flags, 'overweight'];
  return flags;
}

export type VisionGrade = 'normal' | 'mild' | 'moderate' | 'severe';

/** GB 11533-2011 grade of one eye's uncorrected acuity (5-point record). */
export function visionGrade(acuity: number): VisionGrade {
  const va = round1(acuity);
  if (va >= 5.0) return 'normal';
  if (va >= 4.9) return 'mild';
  if (va >= 4.6) return 'moderate';
  return 'severe';
}

const gradeOrder: VisionGrade[] = ['normal', 'mild', 'moderate', 'severe'];

/**
 * Vision flags: the worse eye's grade from 6 years (or when the age is unknown), "refer" for a
 * preschooler below 5.0, and "unequal" when the eyes are two lines (0.2) or more apart.
 */
export function visionFlags(ageMonths: number | null, left: number | null, right: number | null): HealthFlag[] {
  const eyes = [left, right].filter((v): v is number => v !== null);
  if (eyes.length === 0) return [];
  const flags: HealthFlag[] = [];
  const worst = eyes.map(visionGrade).sort((a, b) => gradeOrder.indexOf(b) - gradeOrder.indexOf(a))[0]!;
  if (ageMonths !== null && ageMonths < 72) {
    if (worst !== 'normal') flags.push('vision_refer');
  } else if (worst !== 'normal') {
    flags.push(`vision_${worst}`);
  }
  if (left !== null && right !== null && Math.abs(round1(left) - round1(right)) >= 0.2 - 1e-9)
    flags.push('vision_unequal');
  return flags;
}

export interface HealthCheckInput {
  sex: Sex | null;
  birthDate: string | null;
  checkedOn: string;
  heightCm?: number | null;
  weightKg?: number | null;
  visionLeft?: number | null;
  visionRight?: number | null;
}

export interface HealthScreening {
  bmi: number | null;
  ageMonths: number | null;
  /** Whether the growth tables applied (sex and age known, 6.0–17.99 years). */
  growthScreened: boolean;
  flags: HealthFlag[];
}

/** Everything a stored check derives from its measurements. */
export function screenHealthCheck(input: HealthCheckInput): HealthScreening {
  const height = input.heightCm ?? null;
  const weight = input.weightKg ?? null;
  const bmi = height !== null && weight !== null ? bmiOf(height, weight) : null;
  const ageMonths = input.birthDate ? ageInMonths(input.birthDate, input.checkedOn) : null;
  const group = ageMonths !== null ? ageGroupOf(ageMonths) : null;
  const growthScreened = input.sex !== null && group !== null && group >= 6 && group < 18;
  const flags = [
    ...(growthScreened ? growthFlags(input.sex!, group!, height, bmi) : []),
    ...visionFlags(ageMonths, input.visionLeft ?? null, input.visionRight ?? null),
  ];
  return { bmi, ageMonths, growthScreened, flags };
}
