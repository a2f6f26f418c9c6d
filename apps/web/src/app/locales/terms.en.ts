import type termsZh from './terms.zh-CN';
import type { Messages } from './zh-CN';

/** Terms texts in English; same keys as terms.zh-CN.ts. */
const termsEn: Messages<typeof termsZh> = {
  title: 'Terms',
  subtitle: 'The county sets the terms; a school may adjust them to its own dates',
  unit: 'Unit',
  pickUnit: 'Choose a county or school',
  schoolNote: 'Schools follow the county’s terms; if this school’s dates differ, use “Set for this school”.',
  create: 'New term',
  createTitle: 'New term for “{{org}}”',
  overrideTitle: 'Own term dates for “{{org}}”',
  overrideHint: 'The county’s dates are filled in; change them to this school’s dates.',
  editTitle: 'Edit {{term}}',
  label: '{{year}} {{term}}',
  schoolYear: 'School year {{year}}',
  termNo: { 1: 'Term 1', 2: 'Term 2' },
  current: 'Current',
  currentIs: 'Current term: {{term}}',
  currentRange: 'Starts {{start}}, middle {{mid}}, ends {{end}} — {{days}} days to go',
  source: { county: 'County-wide', school: 'School’s own' },
  override: 'Set for this school',
  removeOverride: 'Back to county dates',
  fields: {
    term: 'Term',
    schoolYear: 'School year',
    termNo: 'Term',
    startDate: 'Start',
    midDate: 'Middle',
    endDate: 'End',
    source: 'Set by',
  },
  noUnit: 'Choose a county or school first',
  empty: 'No term is set for “{{org}}” yet.',
  emptyManage: 'No term is set for “{{org}}” yet. Add the first one.',
  saved: 'Term saved',
  deleted: 'Term deleted',
  deleteConfirm: 'Delete {{term}}?',
  deleteHint: 'Schools will no longer be scheduled or measured by this term.',
  deleteOverrideHint: 'This school goes back to the county’s dates.',
};

export default termsEn;
