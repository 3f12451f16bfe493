import type { Deps } from '../../deps.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { citedLaws } from '../laws/index.ts'
import { officeNamer } from '../offices/index.ts'
import { diffProcesses, processFlowchartSvg } from '../processes/index.ts'
import {
  listCompletedReviews,
  listPublicVersions,
  loadServiceBySlug,
  servicesMsg as msg,
  serviceCacheTag,
} from '../services/index.ts'
import { diffContent } from './content.text.ts'
import type { HistoryEntry, HistoryReview } from './views/history-page.ts'

/** The history page of a service (R8), loaded: every public version, newest first, with its
 * changes field by field and, where the process changed, both processes as graphs. */
export interface LoadedServiceHistory {
  view: { title: string; slug: string; entries: HistoryEntry[]; reviews: HistoryReview[] }
  tags: string[]
}

export async function loadServiceHistory(deps: Deps, slug: string): Promise<LoadedServiceHistory> {
  const service = await loadServiceBySlug(deps, slug)
  const versions = await listPublicVersions(deps.db, service.id)
  const last = versions.at(-1)
  if (!last) throw new NotFoundError('service.not-found', msg.notFound)
  // Laws cited by any version, as each was published, so older citations are named too; where
  // a law was renamed between versions, the later name is used for both.
  const cited = await citedLaws(deps.db, versions)
  const titles = new Map(
    versions.flatMap((v) => [...(cited.get(v.id)?.values() ?? [])].map((l) => [l.id, l.title])),
  )
  const lawTitle = (id: string) => titles.get(id) ?? 'قانون حذف‌شده'
  const officeName = await officeNamer(
    deps,
    versions.map((v) => v.content),
  )
  const entries = versions
    .map((v, i) => {
      const prev = versions[i - 1]
      const diff = prev ? diffProcesses(prev.content.process, v.content.process) : null
      const changed = diff !== null && diff.changes.length > 0
      return {
        versionNo: v.versionNo,
        publishedAt: v.publishedAt ?? v.updatedAt,
        changeNote: v.changeNote ?? '',
        current: v.status === 'published',
        first: i === 0,
        changes: diffContent(prev?.content ?? null, v.content, lawTitle, officeName).filter(
          (c) => c.field !== 'process',
        ),
        process:
          prev && diff && changed
            ? {
                summary: diff.summary,
                steps: diff.changes.map((c) => ({
                  kind: c.kind,
                  title: c.title,
                  details: c.details,
                })),
                beforeSvg: prev.content.process.steps.length
                  ? processFlowchartSvg(
                      prev.content.process,
                      prev.content.title,
                      prev.id,
                      `v${v.versionNo}-before`,
                    )
                  : null,
                afterSvg: v.content.process.steps.length
                  ? processFlowchartSvg(
                      v.content.process,
                      v.content.title,
                      v.id,
                      `v${v.versionNo}-after`,
                    )
                  : null,
              }
            : null,
      }
    })
    .reverse()
  const versionNo = new Map(versions.map((v) => [v.id, v.versionNo]))
  const reviews = (await listCompletedReviews(deps.db, service.id)).map((r) => ({
    completedAt: r.completedAt,
    outcome: r.outcome,
    versionNo: r.versionId ? (versionNo.get(r.versionId) ?? null) : null,
    rejected: r.rejected,
  }))
  return {
    view: { title: last.content.title, slug, entries, reviews },
    tags: [serviceCacheTag(service.id)],
  }
}
