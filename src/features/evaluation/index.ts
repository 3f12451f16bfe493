// Evaluating agencies through the portal (issue 15). Route modules are imported by app.ts alone.

export { type ComplianceRow, PEER_GROUPS, type PeerGroup } from './compliance.model.ts'
export { type ComplianceBoard, loadComplianceBoard } from './compliance.read.ts'
