/**
 * Minimal local typings for the two untyped RDF packages the SHACL helper uses: only the
 * members `shacl.ts` calls. (`rdf-validate-shacl` ships its own types; `@rdfjs/types` is the
 * RDF/JS interface package.)
 */

declare module 'n3' {
  import type { DatasetCore, Quad } from '@rdfjs/types'

  export interface ParserOptions {
    /** 'Turtle', 'N-Triples', 'N-Quads', 'TriG', 'N3'. */
    format?: string
    baseIRI?: string
  }

  export class Parser {
    constructor(options?: ParserOptions)
    /** Synchronous parse of a whole document. */
    parse(input: string): Quad[]
  }

  /** An in-memory quad store; it implements the RDF/JS DatasetCore interface. */
  export class Store {
    constructor(quads?: Quad[])
  }
  export interface Store extends DatasetCore<Quad, Quad> {
    readonly size: number
  }
}

declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null
    documentUrl: string
    document: unknown
  }

  export type DocumentLoader = (url: string) => Promise<RemoteDocument>

  export interface ToRdfOptions {
    format: 'application/n-quads'
    documentLoader?: DocumentLoader
    base?: string
    /** Fail instead of silently dropping terms that do not expand to IRIs. */
    safe?: boolean
    produceGeneralizedRdf?: boolean
  }

  interface JsonLd {
    toRDF(input: object, options: ToRdfOptions): Promise<string>
  }

  const jsonld: JsonLd
  export default jsonld
}
