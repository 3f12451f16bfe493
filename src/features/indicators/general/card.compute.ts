import { qualityIssues } from '../../catalogue/index.ts'
import { maturityLevel, stageIsElectronic } from '../../channels/index.ts'
import { processTiming } from '../../processes/index.ts'
import { SERVICE_STAGES, type ServiceContent, type ServiceProcess } from '../../services/index.ts'

/**
 * What the general indicators read from the service cards (issue 14 item 3, indicators 1, 3
 * and 4), as pure functions over parsed cards, with the same rules the catalogue uses: the
 * publishing checks (`qualityIssues`), the maturity level and electronic stages of the channels
 * feature, and the process timing of the processes feature.
 */

/**
 * A complete card with a time on every step: it passes the publishing checks, documents a
 * process, and every task step of that process says how long it takes (decision steps have no
 * duration in the model, so they are not asked for one).
 */
export function hasCompleteCardWithStepTimes(c: ServiceContent): boolean {
  if (c.process.steps.length === 0) return false
  if (!c.process.steps.every((s) => s.kind === 'decision' || s.duration !== null)) return false
  return qualityIssues(c).length === 0
}

/**
 * How many times a person must come in person under one version: from its process when it has
 * one (attendance steps of the citizen on the path that needs the most of them, as the service
 * page counts them), else the number the card states; null when neither is known.
 */
export function inPersonVisitsOf(v: {
  process: ServiceProcess
  inPersonVisits: number | null
}): number | null {
  if (v.process.steps.length > 0) return processTiming(v.process)?.inPersonVisits ?? null
  return v.inPersonVisits
}

/** Running totals of one agency's published cards. */
export interface CardTally {
  services: number
  complete: number
  levelSum: number
  /** Four per service: information, request, processing, delivery. */
  stages: number
  electronicStages: number
  documents: number
  byInquiry: number
}

export const EMPTY_TALLY: CardTally = {
  services: 0,
  complete: 0,
  levelSum: 0,
  stages: 0,
  electronicStages: 0,
  documents: 0,
  byInquiry: 0,
}

/** Adds one card to an agency's tally (a new object: tallies are never shared). */
export function addCard(t: CardTally, c: ServiceContent): CardTally {
  return {
    services: t.services + 1,
    complete: t.complete + (hasCompleteCardWithStepTimes(c) ? 1 : 0),
    levelSum: t.levelSum + maturityLevel(c),
    stages: t.stages + SERVICE_STAGES.length,
    electronicStages:
      t.electronicStages + SERVICE_STAGES.filter((s) => stageIsElectronic(c, s)).length,
    documents: t.documents + c.documents.length,
    byInquiry: t.byInquiry + c.documents.filter((d) => d.obtainableByInquiry).length,
  }
}
