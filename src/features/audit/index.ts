export { recordAudit, type AuditInput } from './audit.actions.ts'
export { diffSnapshots, type AuditEvent, type AuditFilter } from './audit.model.ts'
export { listAuditEvents } from './audit.queries.ts'
