import type { Html } from './html.ts'
import { type ChoicesProps, renderChoices } from './radios.ts'

export interface CheckboxesProps extends ChoicesProps {
  /** The checked values; overrides each item's `checked`. */
  values?: string[]
}

/** Any number of choices (govuk checkboxes). All items share `name`. */
export function checkboxes(props: CheckboxesProps): Html {
  const values = props.values
  return renderChoices('checkboxes', props, (item) =>
    values !== undefined ? values.includes(item.value) : item.checked === true,
  )
}
