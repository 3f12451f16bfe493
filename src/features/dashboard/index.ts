export { addJalaliMonths, type DirectiveDeadline, directiveDeadline } from './deadline.ts'
