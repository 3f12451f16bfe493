export { dashboardRoutes } from './dashboard.routes.ts'
export { addJalaliMonths, type DirectiveDeadline, directiveDeadline } from './deadline.ts'
