/**
 * Checks a BPMN 2.0 document two ways (test and bench helper, like `services/interop/shacl.ts`):
 *
 * - {@link validateBpmnXsd}: against the official schema `standards/bpmn-2.0-xsd/BPMN20.xsd`
 *   (copied unchanged into the repository), with libxml2's validator compiled to WebAssembly
 *   (`xmllint-wasm`, a devDependency, so production code must not import this file). BPMN20.xsd
 *   imports BPMNDI.xsd (which imports DC.xsd and DI.xsd) and includes Semantic.xsd: all five
 *   are put in the validator's in-memory file system under the names the schema refers to.
 * - {@link readWithBpmnModdle}: reading it as modelling tools built on bpmn-io do (plain
 *   `bpmn-moddle`, no extension package), collecting its warnings (unknown elements or
 *   attributes, unresolved references…).
 */

import { readFile } from 'node:fs/promises'
import { BpmnModdle } from 'bpmn-moddle'
import { validateXML, type XMLFileInfo } from 'xmllint-wasm'

/** The repository root: this file sits at `src/features/processes/interop/`. */
const REPO_ROOT = new URL('../../../../', import.meta.url)

/** `<repo>/standards/bpmn-2.0-xsd/`. */
export const BPMN_XSD_DIR = new URL('standards/bpmn-2.0-xsd/', REPO_ROOT)

const MAIN_SCHEMA = 'BPMN20.xsd'
const IMPORTED_SCHEMAS = ['BPMNDI.xsd', 'DC.xsd', 'DI.xsd', 'Semantic.xsd'] as const

interface Schemas {
  schema: XMLFileInfo
  preload: XMLFileInfo[]
}

let schemasPromise: Promise<Schemas> | undefined

async function loadSchemas(): Promise<Schemas> {
  const read = async (fileName: string): Promise<XMLFileInfo> => ({
    fileName,
    contents: await readFile(new URL(fileName, BPMN_XSD_DIR), 'utf8'),
  })
  const [schema, ...preload] = await Promise.all([
    read(MAIN_SCHEMA),
    ...IMPORTED_SCHEMAS.map((f) => read(f)),
  ])
  if (!schema) throw new Error('BPMN20.xsd was not read')
  return { schema, preload }
}

function schemas(): Promise<Schemas> {
  schemasPromise ??= loadSchemas().catch((err: unknown) => {
    schemasPromise = undefined
    throw err
  })
  return schemasPromise
}

export interface XsdResult {
  valid: boolean
  /** libxml2's messages, e.g. `Element '{…MODEL}sequenceFlow': The attribute 'sourceRef' is required but missing.` with the line. */
  errors: string[]
}

/**
 * Validates a document against BPMN20.xsd (structure, required attributes, `xsd:ID`
 * uniqueness and `xsd:IDREF` targets; `QName` references such as DI's `bpmnElement` and the
 * contents of `extensionElements` are not checked by the schema).
 *
 * @throws when the schema itself cannot be compiled (xmllint's "unknown" exit codes).
 */
export async function validateBpmnXsd(xml: string): Promise<XsdResult> {
  const { schema, preload } = await schemas()
  const result = await validateXML({
    xml: { fileName: 'process.bpmn', contents: xml },
    schema: [schema],
    preload,
  })
  return {
    valid: result.valid,
    errors: result.errors.map((e) =>
      e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message,
    ),
  }
}

/** Reads the document with plain bpmn-moddle and returns its warnings (none for a clean file). */
export async function readWithBpmnModdle(xml: string): Promise<{ warnings: string[] }> {
  const { warnings } = await new BpmnModdle().fromXML(xml)
  return { warnings: warnings.map((w) => w.message) }
}

/**
 * Validates many documents in one run of the validator (compiling the schema
 * once costs ~100 ms, so checking hundreds one by one would take minutes).
 * Errors are prefixed with the document's name.
 */
export async function validateBpmnXsdMany(
  docs: { name: string; xml: string }[],
): Promise<XsdResult> {
  const { schema, preload } = await schemas()
  const result = await validateXML({
    xml: docs.map((d) => ({ fileName: `${d.name}.bpmn`, contents: d.xml })),
    schema: [schema],
    preload,
  })
  return {
    valid: result.valid,
    errors: result.errors.map(
      (e) => `${e.loc?.fileName ?? ''}${e.loc ? `:${e.loc.lineNumber}` : ''}: ${e.message}`,
    ),
  }
}
