export { attachment } from '../modules/attachments/attachments.table';
export { auditEvent } from '../modules/audit/audit.table';
export { child, childCategory, childEnrollment } from '../modules/children/children.table';
export { guardian, guardianEntrustment } from '../modules/children/guardians.table';
export { parent } from '../modules/children/parents.table';
export { org } from '../modules/orgs/orgs.table';
export { term } from '../modules/terms/terms.table';
export { appUser, roleAssignment, session } from '../modules/users/users.table';
