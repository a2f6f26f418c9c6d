import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archiveCompleteness, type CompletenessInput, completenessFields } from './completeness';
import { childCategories } from './enums/children';

const full: CompletenessInput = {
  sex: 'female',
  ethnicity: '01',
  birthDate: '2015-03-02',
  hasIdNumber: true,
  hukouRegistered: true,
  hukouLocation: '湖南省某县东村',
  currentAddress: '东村3组',
  health: 'healthy',
  boarding: 'day',
  schooling: 'primary',
  guardianshipType: 'fair',
  incomeSources: ['migrant_work'],
  villageContactName: '李主任',
  villageContactPhone: '13812345678',
  categories: ['left_behind_both'],
  parents: [
    { status: 'migrant_work', workProvince: '广东省', workCity: '东莞市' },
    { status: 'migrant_work', workProvince: '浙江省', workCity: '宁波市' },
  ],
  guardians: [{ name: '张奶奶', phone: '13912345678', address: '东村3组', isPrimary: true }],
};

/** The plain fields and what blanking each one must report. */
const plain: [keyof CompletenessInput, string][] = [
  ['sex', 'sex'],
  ['ethnicity', 'ethnicity'],
  ['birthDate', 'birthDate'],
  ['hukouLocation', 'hukouLocation'],
  ['currentAddress', 'currentAddress'],
  ['health', 'health'],
  ['boarding', 'boarding'],
  ['schooling', 'schooling'],
  ['guardianshipType', 'guardianshipType'],
  ['villageContactName', 'villageContact'],
  ['villageContactPhone', 'villageContact'],
];

describe('archiveCompleteness', () => {
  it('finds nothing missing in a full archive', () => {
    expect(archiveCompleteness(full)).toEqual({ complete: true, missing: [] });
  });

  it('reports exactly the blanked field (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...plain), fc.constantFrom(null, undefined, '', '  '), ([key, field], empty) => {
        const result = archiveCompleteness({ ...full, [key]: empty });
        expect(result).toEqual({ complete: false, missing: [field] });
      }),
    );
  });

  it('lists every field of an empty left-behind archive, in form order', () => {
    const result = archiveCompleteness({
      sex: null,
      ethnicity: null,
      birthDate: null,
      hasIdNumber: false,
      hukouRegistered: null,
      hukouLocation: null,
      currentAddress: null,
      health: null,
      boarding: null,
      schooling: null,
      guardianshipType: null,
      incomeSources: [],
      villageContactName: null,
      villageContactPhone: null,
      categories: ['left_behind_single'],
      parents: [],
      guardians: [],
    });
    expect(result.missing).toEqual(
      completenessFields.filter((f) => f !== 'entrustedGuardianPhone' && f !== 'entrustedGuardianAddress'),
    );
  });

  it('asks for no ID number or hukou location when the hukou is not registered', () => {
    const result = archiveCompleteness({ ...full, hukouRegistered: false, hasIdNumber: false, hukouLocation: null });
    expect(result.complete).toBe(true);
    expect(archiveCompleteness({ ...full, hasIdNumber: false }).missing).toEqual(['idNumber']);
  });

  it('asks for the parents’ place of work only of left-behind children', () => {
    const noWorkCity = {
      ...full,
      parents: [{ status: 'migrant_work' as const, workProvince: '广东省', workCity: null }],
    };
    expect(archiveCompleteness(noWorkCity).missing).toEqual(['parentWorkPlace']);
    expect(archiveCompleteness({ ...full, parents: [] }).missing).toEqual(['parentWorkPlace']);
    expect(archiveCompleteness({ ...noWorkCity, categories: ['difficulty_poverty'] }).complete).toBe(true);
  });

  it('judges the primary guardian’s phone and address', () => {
    const guardians = [
      { name: '王爷爷', phone: '13912345678', address: '东村', isPrimary: false },
      { name: '张奶奶', phone: null, address: null, isPrimary: true },
    ];
    expect(archiveCompleteness({ ...full, guardians }).missing).toEqual([
      'entrustedGuardianPhone',
      'entrustedGuardianAddress',
    ]);
    expect(archiveCompleteness({ ...full, guardians: [] }).missing).toEqual(['entrustedGuardian']);
    expect(archiveCompleteness({ ...full, guardians: [], categories: [] }).complete).toBe(true);
  });

  it('is complete exactly when nothing is missing, and missing is ordered and unique (property)', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const text = maybe(fc.constantFrom('', ' ', 'x'));
    const input = fc.record({
      sex: text,
      ethnicity: text,
      birthDate: text,
      hasIdNumber: fc.boolean(),
      hukouRegistered: maybe(fc.boolean()),
      hukouLocation: text,
      currentAddress: text,
      health: text,
      boarding: text,
      schooling: text,
      guardianshipType: text,
      incomeSources: fc.array(fc.constant('farming'), { maxLength: 2 }),
      villageContactName: text,
      villageContactPhone: text,
      categories: fc.uniqueArray(fc.constantFrom(...childCategories), { maxLength: 3 }),
      parents: fc.array(
        fc.record({
          status: maybe(fc.constantFrom('migrant_work' as const, 'at_home' as const)),
          workProvince: text,
          workCity: text,
        }),
        { maxLength: 2 },
      ),
      guardians: fc.array(fc.record({ name: text, phone: text, address: text, isPrimary: fc.boolean() }), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(input, (value) => {
        const result = archiveCompleteness(value);
        expect(result.complete).toBe(result.missing.length === 0);
        expect(new Set(result.missing).size).toBe(result.missing.length);
        const order = result.missing.map((f) => completenessFields.indexOf(f));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });
});
