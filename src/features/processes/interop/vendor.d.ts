/**
 * Minimal local typings for `bpmn-moddle` (its package root ships no declarations): only what
 * `bpmn-import.ts` and `bpmn-validate.ts` use. Elements are typed loosely on purpose: a foreign
 * file can hold anything, so the importer narrows every property it reads.
 */

declare module 'bpmn-moddle' {
  /**
   * A node of the parsed tree. BPMN elements carry their meta-model properties (`name`,
   * `flowElements`, `sourceRef`… with references resolved to elements); elements of an unknown
   * namespace inside `extensionElements` are generic: their attributes become string
   * properties and their text `$body`.
   */
  export interface ModdleElement {
    readonly $type: string
    /** True for this type and its super types, e.g. `userTask.$instanceOf('bpmn:Task')`. */
    $instanceOf(type: string): boolean
    /** Attributes of other namespaces (and unknown ones). */
    $attrs?: Record<string, string>
    $body?: string
    id?: string
    name?: string
    [property: string]: unknown
  }

  export interface ParseWarning {
    message: string
  }

  export interface ParseResult {
    rootElement: ModdleElement
    warnings: ParseWarning[]
    elementsById: Record<string, ModdleElement>
  }

  export class BpmnModdle {
    /** @param packages - extra meta-model packages (none needed here). */
    constructor(packages?: Record<string, unknown>)
    /** Parses a document (root `bpmn:Definitions` by default); lax: problems become warnings. */
    fromXML(xml: string, typeName?: string): Promise<ParseResult>
  }
}
