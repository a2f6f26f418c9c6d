export { auditEvent } from '../modules/audit/audit.table';
export { org } from '../modules/orgs/orgs.table';
export { term } from '../modules/terms/terms.table';
export { appUser, roleAssignment, session } from '../modules/users/users.table';
