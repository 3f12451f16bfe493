export { assertChannelsConsistent } from './channel.input.ts'
export { channelsOverviewRow } from './channel.present.ts'
export { listPublishedLevels } from './channel.queries.ts'
export { matrixProblems } from './channel.rules.ts'
export { channelLines, channelText, stageLines } from './channel.text.ts'
export { checkUrl, type UrlCheckOptions } from './link-check.ts'
export {
  type BrokenLink,
  countBrokenLinksByAgency,
  listBrokenLinks,
} from './link-checks.queries.ts'
export {
  AGENCY_LINK_RESULT,
  agencyDashboardPanel,
  centralDashboardPanel,
} from './link-health.present.ts'
export {
  DEFAULT_LINK_HEALTH,
  type LinkCheckMode,
  type LinkHealthOptions,
  type LinkHealthSummary,
  linkCheckMode,
  OFFLINE_RESULT,
  runLinkHealth,
  setLinkChecksOffline,
} from './link-health.ts'
export {
  type MaturityLevel,
  maturityLevel,
  stageIsElectronic,
  summarizeMaturity,
} from './maturity.model.ts'
export {
  CHANNEL_KIND_LABELS,
  MATURITY_LABELS,
  SIGN_IN_LABELS,
  STAGE_LABELS,
  STAGE_MODE_LABELS,
} from './messages.fa.ts'
export { channelsSection, maturityBadge, onlineBlock } from './views/public.ts'
