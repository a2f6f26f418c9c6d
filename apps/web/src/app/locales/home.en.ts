import type homeZh from './home.zh-CN';
import type { Messages } from './zh-CN';

/** Home page texts in English; same keys as home.zh-CN.ts. */
const homeEn: Messages<typeof homeZh> = {
  greeting: {
    morning: 'Good morning, {{name}}',
    noon: 'Good day, {{name}}',
    afternoon: 'Good afternoon, {{name}}',
    evening: 'Good evening, {{name}}',
  },
  dateFormat: 'dddd, D MMMM YYYY',
  myRoles: 'My roles and units',
  currentTerm: 'This term',
  viewTerms: 'Terms',
  noTerm: 'No term is set for your unit yet; ask your school or county administrator.',
  noTermManage: 'No current term yet; add one under “Terms”.',
  units: 'Units in my care',
  viewUnits: 'View units',
  students: 'Students',
  shortcuts: 'Shortcuts',
  linkHints: {
    activities: 'Festivals, contests, exhibitions; who took part',
    activityRoom: 'Opening hours, duty teacher, visits',
    aid: 'Stipends, goods and gifts; the school’s ledger',
    orgs: 'Counties, townships, villages, schools and classes',
    terms: 'School years, terms and their start, middle and end dates',
    users: 'Accounts, roles and permissions',
    audit: 'Who did what, and when',
    todos: 'Overdue and due talks, visits and contacts, one tap to record',
    pairings: 'Unpaired children, each helper’s load, bulk pairing',
    children: 'Each child’s family, guardians and contacts, kept current',
    concerns: 'Report at once when a child is harmed, at risk or unsupervised, and follow through',
    healthChecks: 'Height, weight and vision by class, with screening flags',
    grades: 'Term grades by class, building each child’s progress record',
    calendar: 'Home-visit windows, birthdays and duties falling due',
    dashboard: 'Archive, enrollment, retention, pairing and compliance rates at a glance',
    compliance: 'Each care rule’s completion rate and the children still owed',
    careRules: 'How often talks, visits and contacts are due, and by whom; pairing limits',
    letters: 'Letters to parents at term start and end: generate and record sending',
    mailbox: 'Children’s whisper-mailbox letters, answered in time',
    mailboxSettings: 'Open the mailbox, print the QR poster, set danger words',
    assessment: 'Staff assessment of pairing work, with ranking',
    workSummary: 'Draft the term’s work summary, edit it, export to Word',
  },
};

export default homeEn;
