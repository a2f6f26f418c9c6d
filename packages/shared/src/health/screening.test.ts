/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ageGroupOf, ageInMonths, bmiOf, growthFlags, screenHealthCheck, visionFlags, visionGrade } from './screening';
import { overweightBmi, stuntingHeightCm, thinnessBmi } from './ws-tables';

/** The reference CSVs the tables were transcribed from (WS/T 456-2014, WS/T 586-2018). */
function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/);
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('the tables equal the reference CSVs cell by cell', () => {
  it('WS/T 456 stunting, thinness and WS/T 586 overweight/obesity', () => {
    const stunting = csv('wst456_stunting.csv');
    const thinness = csv('wst456_thinness.csv');
    const bmi = csv('wst586_bmi.csv');
    expect(stunting).toHaveLength(48);
    expect(thinness).toHaveLength(48);
    expect(bmi).toHaveLength(50);
    for (const r of stunting) {
      const sex = r.sex as 'male' | 'female';
      expect(stuntingHeightCm[sex].find((x) => x[0] === Number(r.age))).toEqual([Number(r.age), Number(r.height_cm)]);
    }
    for (const r of thinness) {
      const row = thinnessBmi[r.sex as 'male' | 'female'].find((x) => x[0] === Number(r.age));
      expect(row).toEqual([Number(r.age), Number(r.moderate_severe_bmi), Number(r.mild_bmi)]);
    }
    for (const r of bmi) {
      const row = overweightBmi[r.sex as 'male' | 'female'].find((x) => x[0] === Number(r.age));
      expect(row).toEqual([Number(r.age), Number(r.overweight_bmi), Number(r.obesity_bmi)]);
    }
  });
});

describe('age groups are half years of completed months, never rounded up', () => {
  it.each([
    ['2016-03-15', '2022-03-15', 72, 6.0],
    ['2016-03-15', '2022-09-14', 77, 6.0],
    ['2016-03-15', '2022-09-15', 78, 6.5],
    ['2010-01-31', '2023-07-30', 161, 13.0],
  ])('born %s, checked %s → %i months, group %d', (birth, on, months, group) => {
    expect(ageInMonths(birth, on)).toBe(months);
    expect(ageGroupOf(months)).toBe(group);
  });
});

describe('BMI', () => {
  it('is kg/m² rounded half-up to one decimal', () => {
    expect(bmiOf(120, 20)).toBe(13.9); // 13.888…
    expect(bmiOf(100, 16.45)).toBe(16.5); // exactly on the half
    expect(bmiOf(150, 45)).toBe(20);
  });
});

describe('WS/T 456-2014 stunting: height ≤ cut-off', () => {
  it('boy 6.0: 106.3 is stunted, 106.4 is not', () => {
    expect(growthFlags('male', 6.0, 106.3, null)).toEqual(['stunting']);
    expect(growthFlags('male', 6.0, 106.4, null)).toEqual([]);
  });
  it('girl 17.5 (last group): 147.5 is stunted, 147.6 is not', () => {
    expect(growthFlags('female', 17.5, 147.5, null)).toEqual(['stunting']);
    expect(growthFlags('female', 17.5, 147.6, null)).toEqual([]);
  });
});

describe('WS/T 456-2014 thinness: BMI ≤ X moderate/severe, ≤ Y mild', () => {
  it('boy 7.0 (13.5 / 13.9): edges on both cut-offs', () => {
    expect(growthFlags('male', 7.0, null, 13.5)).toEqual(['thinness_moderate_severe']);
    expect(growthFlags('male', 7.0, null, 13.6)).toEqual(['thinness_mild']);
    expect(growthFlags('male', 7.0, null, 13.9)).toEqual(['thinness_mild']);
    expect(growthFlags('male', 7.0, null, 14.0)).toEqual([]);
  });
  it('girl 14.0 uses the girls’ 16.0, not the boys’ 16.4 (source D’s error)', () => {
    const row = thinnessBmi.female.find((r) => r[0] === 14.0)!;
    expect(row[2]).toBe(16.0);
    expect(growthFlags('female', 14.0, null, 16.0)).toEqual(['thinness_mild']);
    expect(growthFlags('female', 14.0, null, 16.1)).toEqual([]);
  });
});

describe('WS/T 586-2018 overweight and obesity: BMI ≥ cut-off', () => {
  it('boy 6.0 (16.4 / 17.7)', () => {
    expect(growthFlags('male', 6.0, null, 16.3)).toEqual([]);
    expect(growthFlags('male', 6.0, null, 16.4)).toEqual(['overweight']);
    expect(growthFlags('male', 6.0, null, 17.6)).toEqual(['overweight']);
    expect(growthFlags('male', 6.0, null, 17.7)).toEqual(['obesity']);
  });
  it('girl 13.0 is 22.2 / 25.0 (source B’s 22.6 is a typo)', () => {
    expect(growthFlags('female', 13.0, null, 22.1)).toEqual([]);
    expect(growthFlags('female', 13.0, null, 22.2)).toEqual(['overweight']);
    expect(growthFlags('female', 13.0, null, 25.0)).toEqual(['obesity']);
  });
  it('a child can be stunted and overweight at once', () => {
    expect(growthFlags('male', 6.0, 106.0, 17.0)).toEqual(['stunting', 'overweight']);
  });
});

describe('vision (GB 11533-2011, 5-point record)', () => {
  it('grades one eye', () => {
    expect([5.3, 5.0, 4.9, 4.8, 4.6, 4.5, 4.0].map(visionGrade)).toEqual([
      'normal',
      'normal',
      'mild',
      'moderate',
      'moderate',
      'severe',
      'severe',
    ]);
  });
  it('flags the worse eye from 6 years, and eyes two lines apart', () => {
    expect(visionFlags(100, 5.0, 5.1)).toEqual([]);
    expect(visionFlags(100, 4.9, 5.0)).toEqual(['vision_mild']);
    expect(visionFlags(100, 4.5, 4.6)).toEqual(['vision_severe']);
    expect(visionFlags(100, 5.0, 4.8)).toEqual(['vision_moderate', 'vision_unequal']);
    expect(visionFlags(100, 5.2, 5.0)).toEqual(['vision_unequal']);
  });
  it('refers a preschooler without grading', () => {
    expect(visionFlags(60, 4.7, 4.8)).toEqual(['vision_refer']);
    expect(visionFlags(60, 5.0, 5.0)).toEqual([]);
  });
});

describe('screenHealthCheck', () => {
  it('a 9-year-old girl (group 9.0) with BMI on the overweight cut-off and poor vision', () => {
    const row = overweightBmi.female.find((r) => r[0] === 9.0)!;
    // height 130 cm → weight giving exactly the cut-off BMI at one decimal
    const weight = Math.round(row[1] * 1.69 * 10) / 10;
    const s = screenHealthCheck({
      sex: 'female',
      birthDate: '2015-05-01',
      checkedOn: '2024-05-01',
      heightCm: 130,
      weightKg: weight,
      visionLeft: 4.8,
      visionRight: 4.9,
    });
    expect(s).toMatchObject({ ageMonths: 108, growthScreened: true, bmi: row[1] });
    expect(s.flags).toEqual(['overweight', 'vision_moderate']);
  });
  it('does not screen growth under 6 or without sex', () => {
    expect(
      screenHealthCheck({ sex: 'male', birthDate: '2020-01-01', checkedOn: '2025-06-01', heightCm: 90, weightKg: 30 }),
    ).toMatchObject({ growthScreened: false, flags: [] });
    expect(
      screenHealthCheck({ sex: null, birthDate: '2015-01-01', checkedOn: '2025-06-01', heightCm: 90, weightKg: 30 }),
    ).toMatchObject({ growthScreened: false, flags: [], bmi: 37 });
  });
});
