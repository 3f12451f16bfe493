export { processQualityMessage } from './messages.fa.ts'
export { type ProcessOverview, processOverview } from './process-editor.present.ts'
