/**
 * Promised against actual in words: the sentence and durations moved to the catalogue core
 * (services/feedback-figures.ts) so the service page can say it without importing feedback.
 */
export { actualTimeSentence, elapsedText, NOT_ENOUGH_DATA } from '../services/index.ts'
