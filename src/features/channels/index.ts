export { channelEditorRoutes } from './editor.routes.ts'
export { channelsOverviewRow } from './present.ts'
