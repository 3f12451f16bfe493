export { type DirectiveDeadline, directiveDeadline } from './deadline.ts'
