export {
  activity,
  activityParticipation,
  activityRoomSlot,
  activityRoomVisit,
} from '../modules/activities/activities.table';
export { aid, fundLedgerEntry } from '../modules/aid/aid.table';
export { assessmentScore } from '../modules/assessment/assessment.table';
export { attachment } from '../modules/attachments/attachments.table';
export { auditEvent } from '../modules/audit/audit.table';
export { careRecord } from '../modules/care-records/care-records.table';
export { careRule, careSetting } from '../modules/care-rules/care-rules.table';
export { child, childCategory, childEnrollment } from '../modules/children/children.table';
export { guardian, guardianEntrustment } from '../modules/children/guardians.table';
export { parent } from '../modules/children/parents.table';
export { concern, concernEvent } from '../modules/concerns/concerns.table';
export { childRiskLevel, counselingSession } from '../modules/counseling/counseling.table';
export { healthCheck } from '../modules/health-checks/health-checks.table';
export { grade, studyPlan } from '../modules/learning/learning.table';
export { letterDelivery, letterTemplate } from '../modules/letters/letters.table';
export { mailboxBox, mailboxMessage } from '../modules/mailbox/mailbox.table';
export { org } from '../modules/orgs/orgs.table';
export { pairing } from '../modules/pairings/pairings.table';
export { pledge, selfEvaluation } from '../modules/pledges/pledges.table';
export { correctionRequest } from '../modules/privacy/correction-requests.table';
export { childAnonymization, childConsent, privacyOfficer } from '../modules/privacy/privacy.table';
export { workSummary } from '../modules/reports/work-summary.table';
export { kpiDirty, kpiTally, kpiTallyExtra, kpiWindow } from '../modules/stats/kpi-cache.table';
export { kpiTarget } from '../modules/targets/targets.table';
export { term } from '../modules/terms/terms.table';
export { complianceState, complianceTally, complianceWindow } from '../modules/todos/compliance-cache.table';
export { appUser, roleAssignment, session } from '../modules/users/users.table';
