import type counselingZh from './counseling.zh-CN';
import type { Messages } from './zh-CN';

/** Counseling and risk-level texts in English; same keys as counseling.zh-CN.ts. */
const counselingEn: Messages<typeof counselingZh> = {
  tab: 'Wellbeing & safety',
  risk: {
    title: 'Risk level',
    none: 'Not assessed',
    setBy: 'Assessed by {{name}} on {{date}}',
    askTitle: 'Whom to ask',
    askNone: 'The school has no counselor account yet; ask the school administrator.',
    askHint: 'Counseling notes are for counselors only. To learn how the child is doing, ask the counselor.',
    set: 'Change risk level',
    setTitle: 'Change risk level',
    level: 'Risk level',
    reason: 'Reason',
    reasonPlaceholder: 'Why the level changes, e.g. low mood for two weeks, says they do not want to go to school',
    saved: 'Risk level updated',
    history: 'Assessments',
  },
  sessions: {
    title: 'Counseling sessions',
    confidential: 'Confidential: only the school’s counselors see these; every view is logged.',
    add: 'Record a session',
    empty: 'No sessions yet.',
    addTitle: 'Record a counseling session',
    editTitle: 'Edit session',
    sessionOn: 'Date',
    presentingConcern: 'Presenting concern',
    presentingConcernPlaceholder: 'e.g. cannot sleep at night, misses mother',
    notes: 'Notes',
    agreedActions: 'Agreed actions',
    nextSessionOn: 'Next session',
    nextOn: 'Next session {{date}}',
    by: 'Recorded by {{name}}',
    saved: 'Session saved',
    confirmDelete: 'Delete this session?',
    deleted: 'Deleted',
  },
};

export default counselingEn;
