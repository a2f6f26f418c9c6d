import { defaultCareRules } from '@shouwang/shared';
import { rulesFromTemplates } from '../modules/care-rules/care-rules.repository';
import { careRule, careSetting } from '../modules/care-rules/care-rules.table';
import { bulkInsert } from './bulk-insert';
import type { GenPart } from './world';

/**
 * 关爱规范: every school of a county in use has its care settings and the default rules (what the
 * module creates the first time a school's care is needed), so to-do lists and compliance
 * statistics have duties to count from the start.
 */
export const careRulesGen: GenPart = {
  name: 'rules',
  tables: ['care_rule', 'care_setting'],
  async run(ctx) {
    const { world } = ctx;
    const settingIds = ctx.ids('care-settings');
    const ruleIds = ctx.ids('care-rules');
    const countyId = world.county.id;
    const settings = world.schools.map((s) => ({ id: settingIds(), countyId, schoolId: s.id }));
    const rules = world.schools.flatMap((s) =>
      rulesFromTemplates(defaultCareRules, { id: s.id, countyId }).map((r) => ({ ...r, id: ruleIds() })),
    );
    return {
      care_setting: await bulkInsert(ctx.db, careSetting, settings),
      care_rule: await bulkInsert(ctx.db, careRule, rules),
    };
  },
};
