// One part of the service card's stored shape. The card is stored and parsed as one document,
// so every part's shape sits here at the catalogue core; the section feature owns the rest
// (labels, input, editor, rendering).

/** An office of the service's agency that delivers it (R7), with a note for this service. */
export interface ServiceOfficeLink {
  officeId: string
  note: string | null
}
