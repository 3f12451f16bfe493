// Evaluating agencies through the portal (issue 15). Route modules are imported by app.ts alone.

export { type ComplianceRow, PEER_GROUPS, type PeerGroup } from './compliance.model.ts'
export { type ComplianceBoard, loadComplianceBoard } from './compliance.read.ts'
// The agency page's evaluation section, handed to the catalogue's agency page by app.ts.
export { agencyEvaluationSection } from './evaluation-agency.section.ts'
export { currentMethod, saveMethod } from './method.actions.ts'
export { DEFAULT_METHOD } from './method.model.ts'
export { answerObjection, lodgeObjection } from './objection.actions.ts'
export {
  publishCorrection,
  publishEvaluation,
  refreshProvisional,
} from './snapshot.actions.ts'
export { type Verification, verifySnapshot } from './snapshot.model.ts'
export { verifyPublished } from './snapshot.verify.ts'
