import type concernsZh from './concerns.zh-CN';
import type { Messages } from './zh-CN';

/** Concern-report texts in English; same keys as concerns.zh-CN.ts. */
const concernsEn: Messages<typeof concernsZh> = {
  title: 'Concern reports',
  subtitle:
    'Report at once when a child may be harmed, left without care or at risk of self-harm. The school administrator or child director must acknowledge within 24 hours.',
  raise: 'Raise a concern',
  raiseTitle: 'Raise a concern',
  raiseHint:
    'Under Article 11 of the Law on the Protection of Minors, anyone who finds a minor harmed, suspected harmed or in danger must report it at once. In an emergency call 110 first.',
  raised: 'Concern submitted; the school administrator and child director are alerted',
  aboutChild: 'Child: {{name}}',
  unnamedChild: 'Unnamed child ({{school}})',
  fields: {
    child: 'Child',
    category: 'Category',
    severity: 'Severity',
    description: 'What happened',
    descriptionPlaceholder: 'When and where, what you saw or heard, and who told you',
    immediateActions: 'Actions taken',
    immediateActionsPlaceholder: 'e.g. the child is safe at school, family contacted',
    reporter: 'Reported by',
    reportedAt: 'Reported at',
    dueAt: 'Due',
    note: 'Note',
    authority: 'Reported to',
    referredAt: 'Reported at',
    receiptNumber: 'Receipt or case number',
    receiptPlaceholder: 'e.g. Chengguan police station case 2026-118',
    followUpNote: 'Follow-up',
    closeNote: 'Closing note',
  },
  filters: { open: 'Open', mine: 'For me', all: 'All' },
  empty: 'Nothing to show.',
  overdue: 'Overdue',
  escalated: 'Escalated',
  escalatedHint: 'Overdue: the township supervisor has been alerted',
  dueIn: 'Due by {{time}}',
  status: {
    reported: 'Reported',
    acknowledged: 'Acknowledged',
    referred: 'Referred',
    following_up: 'Following up',
    closed: 'Closed',
  },
  steps: {
    reported: 'Reported',
    acknowledged: 'Acknowledged',
    referred: 'Referred',
    following_up: 'Follow-up',
    closed: 'Closed',
  },
  events: {
    reported: '{{name}} raised the concern',
    acknowledged: '{{name}} acknowledged it',
    referred: '{{name}} reported it to {{authority}}',
    followed_up: '{{name}} followed up',
    closed: '{{name}} closed it',
    escalated: 'Overdue: escalated to the township supervisor',
  },
  receipt: 'Receipt: {{number}}',
  referredAtText: 'Reported at: {{time}}',
  actions: {
    acknowledge: 'Acknowledge',
    refer: 'Record the referral',
    followUp: 'Record a follow-up',
    close: 'Close',
  },
  nextStep: 'Next step',
  acknowledgeHint:
    'After acknowledging, report to the police, civil affairs or education bureau and record the receipt.',
  saved: 'Saved',
  detailTitle: 'Concern',
  childConcerns: 'Concern reports',
  noChildConcerns: 'No concerns about this child.',
};

export default concernsEn;
