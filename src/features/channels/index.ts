export { listPublishedLevels } from './channel.queries.ts'
export { matrixProblems } from './channel.rules.ts'
export { channelLines, channelText, stageLines } from './channel.text.ts'
export { agencyDashboardPanel, centralDashboardPanel } from './dashboard.ts'
export { assertChannelsConsistent } from './input.ts'
export { checkUrl, type UrlCheckOptions } from './link-check.ts'
export {
  type BrokenLink,
  countBrokenLinksByAgency,
  listBrokenLinks,
} from './link-checks.queries.ts'
export {
  DEFAULT_LINK_HEALTH,
  type LinkHealthOptions,
  type LinkHealthSummary,
  runLinkHealth,
} from './link-health.ts'
export { type MaturityLevel, maturityLevel, summarizeMaturity } from './maturity.ts'
export { MATURITY_LABELS } from './messages.fa.ts'
export { channelsOverviewRow } from './present.ts'
export { channelsSection, maturityBadge, onlineBlock } from './views/public.ts'
