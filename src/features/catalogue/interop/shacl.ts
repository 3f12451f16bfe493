/**
 * Validates a JSON-LD document against the official CPSV-AP 3.2.0 SHACL shapes
 * (`standards/cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl`, copied unchanged into the repository).
 *
 * Test-time helper (tests and the bench share it); it pulls in devDependencies only
 * (`jsonld`, `n3`, `rdf-validate-shacl`), so production code must not import it.
 *
 * Pipeline: JSON-LD → N-Quads (`jsonld.toRDF`, safe mode, no remote documents) → N3 store →
 * `rdf-validate-shacl`. The shapes are parsed once per process and the validator reused.
 */

import { readFile } from 'node:fs/promises'
import type { Term } from '@rdfjs/types'
import jsonld, { type RemoteDocument } from 'jsonld'
import { Parser, Store } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'

/** The repository root: this file sits at `src/features/services/interop/`. */
const REPO_ROOT = new URL('../../../../', import.meta.url)

/** `<repo>/standards/cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl`. */
export const CPSV_SHAPES_URL = new URL('standards/cpsv-ap-3.2.0/cpsv-ap-SHACL.ttl', REPO_ROOT)

const SH = 'http://www.w3.org/ns/shacl#'

export interface ShaclIssue {
  /** The IRI of the offending node (blank nodes as `_:id`). */
  focusNode: string
  /** The property path IRI ('' for node-level constraints). */
  path: string
  message: string
  /** `sh:Violation`, `sh:Warning` or `sh:Info`, as a full IRI. */
  severity: string
  /** The constraint component, e.g. `http://www.w3.org/ns/shacl#MinCountConstraintComponent`. */
  constraint: string
  /** The offending value, when the constraint is about one. */
  value: string | null
  sourceShape: string
}

export interface ShaclResult {
  /** True iff there is no `sh:Violation` (warnings and infos do not break conformance). */
  conforms: boolean
  violations: ShaclIssue[]
  /** Results of severity `sh:Warning` or `sh:Info` (the 3.2.0 shapes declare none today). */
  warnings: ShaclIssue[]
}

/** JSON-LD must never reach the network: every context has to be inline. */
async function refuseRemoteDocuments(url: string): Promise<RemoteDocument> {
  throw new Error(`remote JSON-LD documents are not loaded (asked for ${url})`)
}

interface Loaded {
  validator: SHACLValidator
  /** The shapes graph, to read a failed constraint's parameter for the message. */
  shapes: Store
}

let validatorPromise: Promise<Loaded> | undefined

async function loadValidator(): Promise<Loaded> {
  const turtle = await readFile(CPSV_SHAPES_URL, 'utf8')
  const quads = new Parser({ format: 'Turtle', baseIRI: CPSV_SHAPES_URL.href }).parse(turtle)
  const shapes = new Store(quads)
  return { validator: new SHACLValidator(shapes), shapes }
}

function cpsvValidator(): Promise<Loaded> {
  validatorPromise ??= loadValidator().catch((err: unknown) => {
    validatorPromise = undefined
    throw err
  })
  return validatorPromise
}

/** Parses a JSON-LD document into an RDF/JS dataset (no network). */
export async function jsonLdToDataset(doc: object): Promise<Store> {
  const nquads = await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    documentLoader: refuseRemoteDocuments,
    safe: true,
  })
  return new Store(new Parser({ format: 'N-Quads' }).parse(nquads))
}

/**
 * The shapes carry no sh:message and rdf-validate-shacl adds none for the core components,
 * so build one: `sh:MinCountConstraintComponent (sh:minCount 1)` — the parameter is the
 * component's name with a lower-case first letter (MinCount → sh:minCount, Class → sh:class).
 */
function describe(shapes: Store, component: string, sourceShape: Term | null | undefined): string {
  const name = component.startsWith(SH) ? component.slice(SH.length) : component
  const base = name.replace(/ConstraintComponent$/, '')
  const param = `${SH}${base.charAt(0).toLowerCase()}${base.slice(1)}`
  const params: string[] = []
  if (sourceShape?.termType === 'NamedNode' || sourceShape?.termType === 'BlankNode') {
    for (const q of shapes.match(sourceShape, null, null)) {
      if (q.predicate.value === param) params.push(termText(q.object))
    }
  }
  return `sh:${name}${params.length ? ` (sh:${param.slice(SH.length)} ${params.join(', ')})` : ''}`
}

function termText(term: Term | null | undefined): string {
  if (!term) return ''
  if (term.termType === 'BlankNode') return `_:${term.value}`
  return term.value
}

export async function validateAgainstCpsvShapes(doc: object): Promise<ShaclResult> {
  const [{ validator, shapes }, data] = await Promise.all([cpsvValidator(), jsonLdToDataset(doc)])
  const report = await validator.validate(data)
  const violations: ShaclIssue[] = []
  const warnings: ShaclIssue[] = []
  for (const r of report.results) {
    const constraint = termText(r.sourceConstraintComponent)
    const text = r.message.map((m) => m.value).join(' ')
    const value = r.value ? termText(r.value) : null
    const issue: ShaclIssue = {
      focusNode: termText(r.focusNode),
      path: termText(r.path),
      message: [
        describe(shapes, constraint, r.sourceShape),
        value === null ? '' : `value ${value}`,
        text,
      ]
        .filter((x) => x !== '')
        .join('; '),
      severity: termText(r.severity),
      constraint,
      value,
      sourceShape: termText(r.sourceShape),
    }
    if (issue.severity === `${SH}Violation`) violations.push(issue)
    else warnings.push(issue)
  }
  return { conforms: violations.length === 0, violations, warnings }
}
