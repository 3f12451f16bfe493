export { type AuditInput, recordAudit } from './audit.actions.ts'
export { type AuditEvent, type AuditFilter, diffSnapshots } from './audit.model.ts'
export { findAuditEvent, listAuditEvents } from './audit.queries.ts'
