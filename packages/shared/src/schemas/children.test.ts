import { describe, expect, it } from 'vitest';
import { todayIso } from '../dates';
import { guardianCreateBody, isPlausibleParentAge, parentCreateBody } from './child-family';
import { childCreateBody, childEnrollmentBody, childListQuery, childUpdateBody } from './children';

const village = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('childCreateBody', () => {
  it('normalizes and fills defaults', () => {
    const parsed = childCreateBody.parse({
      name: ' 张羽涵 ',
      villageId: village,
      idNumber: ' 1101052015030200 24',
      villageContactPhone: '0731 8456 7890',
    });
    expect(parsed.name).toBe('张羽涵');
    expect(parsed.careLevel).toBe('general');
    expect(parsed.incomeSources).toEqual([]);
    expect(parsed.categories).toEqual([]);
    expect(parsed.idNumber).toBe('110105201503020024');
    expect(parsed.villageContactPhone).toBe('0731-84567890');
  });

  it('names the field and the problem', () => {
    const bad = childCreateBody.safeParse({
      name: '张三',
      villageId: village,
      idNumber: '110105194912310021',
      villageContactPhone: '12345',
      ethnicity: '99',
      birthDate: '2099-01-01',
      aidMeasures: ['none', 'medical_aid'],
    });
    expect(issues(bad)).toEqual(
      expect.arrayContaining([
        'idNumber:id_number_checksum',
        'villageContactPhone:phone_format',
        'birthDate:date_in_future',
        'aidMeasures:aid_none_exclusive',
      ]),
    );
    expect(issues(bad).some((i) => i.startsWith('ethnicity:'))).toBe(true);
  });

  it('refuses an adult, a class without school, no unit at all and an ID that disagrees', () => {
    const year = Number(todayIso().slice(0, 4));
    expect(
      issues(childCreateBody.safeParse({ name: '甲', villageId: village, birthDate: `${year - 19}-01-01` })),
    ).toEqual(['birthDate:child_too_old']);
    expect(issues(childCreateBody.safeParse({ name: '甲', villageId: village, classId: village }))).toEqual([
      'classId:class_requires_school',
    ]);
    expect(issues(childCreateBody.safeParse({ name: '甲' }))).toEqual(['schoolId:school_or_village_required']);
    expect(
      issues(
        childCreateBody.safeParse({
          name: '甲',
          villageId: village,
          idNumber: '11010519491231002X',
          birthDate: '2015-01-01',
          sex: 'male',
        }),
      ),
    ).toEqual(['birthDate:id_number_birth_mismatch', 'sex:id_number_sex_mismatch']);
  });

  it('refuses unknown fields', () => {
    expect(childCreateBody.safeParse({ name: '甲', villageId: village, admin: true }).success).toBe(false);
  });
});

describe('other archive schemas', () => {
  it('lets an update clear a field with null and keeps the version', () => {
    expect(childUpdateBody.parse({ version: 3, sex: null })).toEqual({ version: 3, sex: null });
  });
  it('requires a destination for a transfer', () => {
    expect(issues(childEnrollmentBody.safeParse({ status: 'transferred_out', date: '2024-09-01' }))).toEqual([
      'destination:transfer_destination_required',
    ]);
  });
  it('checks category lists in the list query', () => {
    expect(childListQuery.safeParse({ category: 'orphan,left_behind_both' }).success).toBe(true);
    expect(childListQuery.safeParse({ category: 'orphan,aliens' }).success).toBe(false);
  });
  it('validates parents and guardians', () => {
    expect(parentCreateBody.parse({ relation: 'father', name: '张父', phones: ['138 1234 5678'] }).phones).toEqual([
      '13812345678',
    ]);
    expect(parentCreateBody.safeParse({ relation: 'uncle', name: '张' }).success).toBe(false);
    expect(
      issues(guardianCreateBody.safeParse({ relation: 'relative', name: '李', birthYear: 1800, phone: '123' })),
    ).toEqual(['birthYear:birth_year_range', 'phone:phone_format']);
    expect(
      issues(
        guardianCreateBody.safeParse({
          relation: 'relative',
          name: '李',
          entrustment: { signedOn: '2024-03-01', validUntil: '2024-01-01' },
        }),
      ),
    ).toEqual(['entrustment.validUntil:end_before_start']);
  });
  it('wants parents at least 14 years older than the child', () => {
    expect(isPlausibleParentAge('1990-05-01', '2004-05-01')).toBe(true);
    expect(isPlausibleParentAge('1990-05-02', '2004-05-01')).toBe(false);
  });
});
