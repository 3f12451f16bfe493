import {
  processProblems,
  processQualityMessage,
  totalExceedsDeclared,
  totalExceedsDeclaredMessage,
} from '../processes/index.ts'
import { type CardSection, servicesMsg as msg, type ServiceContent } from '../services/index.ts'

/** Where an issue is fixed: a card section, or the process editor (`…/edit/process`). */
export type IssueSection = CardSection | 'process'

export interface QualityIssue {
  section: IssueSection
  message: string
}

/**
 * R14: what must be present before a version may be published. An empty
 * result means the draft is ready.
 */
export function qualityIssues(c: ServiceContent): QualityIssue[] {
  const issues: QualityIssue[] = []
  const need = (ok: boolean, section: IssueSection, message: string) => {
    if (!ok) issues.push({ section, message })
  }
  need(c.title.trim() !== '', 'basics', msg.titleRequired)
  need(c.summary.trim() !== '', 'basics', msg.summaryRequired)
  need(c.description.trim() !== '', 'basics', msg.descriptionRequired)
  need(c.audiences.length > 0, 'classification', msg.audienceRequired)
  need(c.nature !== null, 'classification', msg.natureRequired)
  need(c.level !== null, 'classification', msg.levelRequired)
  need(c.trigger !== null, 'classification', msg.triggerRequired)
  need(c.output !== null && c.output.trim() !== '', 'details', msg.outputRequired)
  need(c.legalBases.length > 0, 'legal', msg.legalBasisRequired)
  need(c.documents.length > 0 || c.noDocumentsRequired, 'documents', msg.documentsRequired)
  need(c.declaredTime !== null, 'time', msg.declaredTimeRequired)
  // A process is optional, but a documented one must hold together (processProblems).
  const problems = c.process.steps.length > 0 ? processProblems(c.process) : []
  need(problems.length === 0, 'process', processQualityMessage(problems[0] ?? ''))
  // One total (issue 17): steps that take longer than the card promises are refused, not merely
  // warned about; the declared total is updated in the same draft (its section) to publish.
  const exceeds = problems.length === 0 ? totalExceedsDeclared(c) : null
  if (exceeds)
    issues.push({
      section: 'time',
      message: totalExceedsDeclaredMessage(exceeds.total, exceeds.declared),
    })
  return issues
}
