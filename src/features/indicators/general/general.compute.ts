import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.ts'
import { toPersianDigits } from '../../../lib/fa/index.ts'
import { bayesianAverage } from '../../../lib/stats.ts'
import { PRIOR_WEIGHT, SCALE_MIDDLE } from '../../feedback/index.ts'
import { parseStoredContent } from '../../services/index.ts'
import { loadPortalSettings } from '../../settings/index.ts'
import { addCard, type CardTally, EMPTY_TALLY, inPersonVisitsOf } from './card.compute.ts'
import {
  type ComputedValue,
  GENERAL_KEYS as K,
  MIN_VIEWS_FOR_RATE,
  type QueryPeriod,
  roundValue,
} from './general.model.ts'
import {
  acceptedReportsIn,
  cardsInForceAt,
  fixTimesIn,
  listAgencyIds,
  pageViewsIn,
  promisesKeptIn,
  ratingTotalsIn,
  reviewBasesBetween,
  type StoredCard,
  versionsPublishedIn,
} from './general.queries.ts'
import { basisWindow, tallyReviews } from './reviews.compute.ts'

/** Why a value is missing, in Persian (shown beside the indicator instead of a number). */
export const NOTES = {
  noServices: 'هیچ خدمتی منتشر نشده است',
  noDocuments: 'خدمات منتشرشده مدرکی نمی‌خواهند',
  noReviewsDue: 'در این دوره موعد بازبینی هیچ خدمتی نرسیده است',
  noPromises: 'در این دوره درخواستی با موعد وعده‌شده انجام نشده است',
  noNewVersions: 'در این دوره نسخهٔ تازه‌ای با شمار مراجعهٔ معلوم جای نسخهٔ پیشین را نگرفته است',
  notEnough: (n: number, min: number) =>
    `هنوز دادهٔ کافی نیست: ${toPersianDigits(n)} از حداقل ${toPersianDigits(min)}`,
  notEnoughViews: (views: number) =>
    `هنوز دادهٔ کافی نیست: ${toPersianDigits(views)} بازدید از حداقل ${toPersianDigits(MIN_VIEWS_FOR_RATE)}`,
} as const

/** numerator / denominator × scale, or null with a note when the denominator is 0. */
function ratio(
  agencyId: string,
  numerator: number,
  denominator: number,
  n: number,
  scale: number,
  emptyNote: string,
): ComputedValue {
  if (denominator === 0)
    return { agencyId, numerator, denominator, value: null, n, note: emptyNote }
  return {
    agencyId,
    numerator,
    denominator,
    value: roundValue((scale * numerator) / denominator),
    n,
  }
}

/** A value withheld because n is below the rule's minimum (its figures are still kept). */
function withheld(v: ComputedValue, note: string): ComputedValue {
  return { ...v, value: null, note }
}

/**
 * Every general indicator for every agency over one period (issue 14 item 3), keyed by the
 * indicator's code, one value per agency (agencies with nothing to count get a null value and a
 * note). Figures about the cards are read from each service's version in force at the end of
 * the period, or at `now` while the period is running; figures about events count those that
 * happened in [from, to). Ten statements in all, each grouped by agency, run in one
 * repeatable-read transaction (unless `db` is one already) so they see the same data; the
 * cards are parsed and judged after it has ended, a slice at a time, so that neither the
 * database connection nor the event loop is held while thousands of cards are read.
 */
export async function computeGeneralIndicators(
  db: Kysely<Database>,
  period: QueryPeriod,
  now: Date,
): Promise<Map<string, ComputedValue[]>> {
  const facts = db.isTransaction
    ? await readFacts(db, period, now)
    : await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((trx) => readFacts(trx, period, now))
  return assemble(facts, period, now)
}

/** Everything the indicators are computed from: the ten statements' answers. */
async function readFacts(db: Kysely<Database>, period: QueryPeriod, now: Date) {
  const asOf = new Date(Math.min(period.to.getTime(), now.getTime()))
  const settings = await loadPortalSettings(db)
  const window = basisWindow(period, settings.reviewPolicy.cycleMonths)
  return {
    settings,
    agencies: await listAgencyIds(db),
    cards: await cardsInForceAt(db, asOf),
    pairs: await versionsPublishedIn(db, period),
    bases: await reviewBasesBetween(db, window.from, window.to),
    ratings: await ratingTotalsIn(db, period),
    accepted: await acceptedReportsIn(db, period),
    views: await pageViewsIn(db, period),
    fixes: await fixTimesIn(db, period),
    promises: await promisesKeptIn(db, period),
  }
}

/** Cards parsed between turns of the event loop: a few milliseconds of work at a time. */
const CARDS_PER_SLICE = 100

/** Every agency's tally of its cards in force, parsed and judged a slice at a time. */
async function tallyInSlices(cards: readonly StoredCard[]): Promise<Map<string, CardTally>> {
  const out = new Map<string, CardTally>()
  for (let i = 0; i < cards.length; i += CARDS_PER_SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    for (const card of cards.slice(i, i + CARDS_PER_SLICE)) {
      const content = parseStoredContent(JSON.parse(card.content))
      out.set(card.agencyId, addCard(out.get(card.agencyId) ?? EMPTY_TALLY, content))
    }
  }
  return out
}

async function assemble(
  facts: Awaited<ReturnType<typeof readFacts>>,
  period: QueryPeriod,
  now: Date,
): Promise<Map<string, ComputedValue[]>> {
  const minN = facts.settings.feedbackMinN
  const cards = await tallyInSlices(facts.cards)
  const pairs = facts.pairs
  const reviews = tallyReviews(facts.bases, period, now, facts.settings.reviewPolicy.cycleMonths)
  const ratings = facts.ratings
  const accepted = new Map(facts.accepted.map((r) => [r.agencyId, r]))
  const views = new Map(facts.views.map((r) => [r.agencyId, r.views]))
  const fixes = new Map(facts.fixes.map((r) => [r.agencyId, r]))
  const promises = new Map(facts.promises.map((r) => [r.agencyId, r]))
  const agencies = facts.agencies

  // Visits: the net change over the comparable pairs (both sides known), per agency.
  const visits = new Map<string, { removed: number; pairs: number }>()
  for (const pair of pairs) {
    const before = inPersonVisitsOf(pair.before)
    const after = inPersonVisitsOf(pair.after)
    if (before === null || after === null) continue
    const v = visits.get(pair.agencyId) ?? { removed: 0, pairs: 0 }
    visits.set(pair.agencyId, { removed: v.removed + before - after, pairs: v.pairs + 1 })
  }

  // The prior: the period's portal-wide mean rating, as the monthly open-data file uses it.
  const all = ratings.find((r) => r.agencyId === null)
  const prior = {
    mean: all && all.n > 0 ? all.sum / all.n : SCALE_MIDDLE,
    weight: PRIOR_WEIGHT,
  }
  const ratingsOf = new Map(
    ratings.flatMap((r) => (r.agencyId === null ? [] : [[r.agencyId, r] as const])),
  )

  const out = new Map<string, ComputedValue[]>(Object.values(K).map((key) => [key, []]))
  const push = (key: string, v: ComputedValue) => out.get(key)?.push(v)
  for (const id of agencies) {
    const c = cards.get(id) ?? EMPTY_TALLY
    push(K.cardComplete, ratio(id, c.complete, c.services, c.services, 100, NOTES.noServices))
    const r = reviews.get(id) ?? { due: 0, onTime: 0 }
    push(K.reviewsOnTime, ratio(id, r.onTime, r.due, r.due, 100, NOTES.noReviewsDue))
    push(K.maturity, ratio(id, c.levelSum, c.services, c.services, 1, NOTES.noServices))
    // Four stages a service: no stages means no services.
    push(
      K.electronicStages,
      ratio(id, c.electronicStages, c.stages, c.stages, 100, NOTES.noServices),
    )
    const noDocs = c.services === 0 ? NOTES.noServices : NOTES.noDocuments
    push(K.documentsByInquiry, ratio(id, c.byInquiry, c.documents, c.documents, 100, noDocs))

    const v = visits.get(id)
    push(
      K.visitsRemoved,
      v
        ? { agencyId: id, numerator: v.removed, denominator: null, value: v.removed, n: v.pairs }
        : {
            agencyId: id,
            numerator: 0,
            denominator: null,
            value: null,
            n: 0,
            note: NOTES.noNewVersions,
          },
    )

    // Satisfaction: numerator and denominator of the Bayesian mean itself, so value = num ÷ den.
    const g = ratingsOf.get(id) ?? { n: 0, sum: 0 }
    const satisfaction: ComputedValue = {
      agencyId: id,
      numerator: prior.weight * prior.mean + g.sum,
      denominator: prior.weight + g.n,
      value: roundValue(bayesianAverage(g, prior), 3),
      n: g.n,
    }
    push(
      K.satisfaction,
      g.n < minN ? withheld(satisfaction, NOTES.notEnough(g.n, minN)) : satisfaction,
    )

    const seen = views.get(id) ?? 0
    const acceptedHere = accepted.get(id)?.accepted ?? 0
    const rate = ratio(id, acceptedHere, seen, seen, 1000, NOTES.notEnoughViews(seen))
    push(
      K.reportsPer1000,
      seen < MIN_VIEWS_FOR_RATE ? withheld(rate, NOTES.notEnoughViews(seen)) : rate,
    )

    const f = fixes.get(id)
    const fix: ComputedValue = {
      agencyId: id,
      numerator: f ? roundValue(f.medianDays) : 0,
      denominator: null,
      value: f ? roundValue(f.medianDays) : null,
      n: f?.n ?? 0,
    }
    const fixN = f?.n ?? 0
    push(K.fixDays, fixN < minN ? withheld(fix, NOTES.notEnough(fixN, minN)) : fix)

    const t = promises.get(id) ?? { withPromise: 0, onTime: 0 }
    const kept = ratio(id, t.onTime, t.withPromise, t.withPromise, 100, NOTES.noPromises)
    push(
      K.promiseOnTime,
      t.withPromise < minN ? withheld(kept, NOTES.notEnough(t.withPromise, minN)) : kept,
    )
  }
  return out
}
