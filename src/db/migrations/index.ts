import type { Migration } from 'kysely/migration'
import * as createFoundation from './2026_11_22_1000_create_foundation.ts'
import * as createCatalogue from './2026_11_22_1100_create_catalogue.ts'
import * as createHolidays from './2026_11_22_1200_create_holidays.ts'
import * as createFormFiles from './2026_11_22_1300_create_form_files.ts'
import * as createOffices from './2026_11_22_1400_create_offices.ts'
import * as createLinkChecks from './2026_11_22_1500_create_link_checks.ts'
import * as createSearch from './2026_11_22_1600_create_search.ts'
import * as createOpendata from './2026_11_22_1700_create_opendata.ts'
import * as createVersionLaws from './2026_12_06_1100_create_version_laws.ts'
import * as opendataExportFiles from './2026_12_06_1200_opendata_export_files.ts'
import * as hardenCredentials from './2026_12_06_1300_harden_credentials.ts'
import * as createFormFileUploads from './2026_12_06_1400_create_form_file_uploads.ts'
import * as createNotifications from './2026_12_06_1500_create_notifications.ts'
import * as linkCheckOffline from './2026_12_06_1600_link_check_offline.ts'
import * as createReviews from './2026_12_06_1800_create_reviews.ts'
import * as createHelpfulFeedback from './2026_12_06_1900_create_helpful_feedback.ts'
import * as createAccuracyReports from './2026_12_06_1910_create_accuracy_reports.ts'
import * as createTransactions from './2026_12_06_1920_create_transactions.ts'
import * as createIndicators from './2026_12_07_0100_create_indicators.ts'
import * as calendar1406 from './2026_12_07_0200_calendar_1406.ts'
import * as createServicePageViews from './2026_12_07_0300_create_service_page_views.ts'
import * as feedbackTimeIndexes from './2026_12_07_0400_feedback_time_indexes.ts'
import * as formOnce from './2026_12_07_0500_form_once.ts'
import * as publishRequests from './2026_12_07_0600_publish_requests.ts'
import * as createEvaluationMethods from './2026_12_07_0700_create_evaluation_methods.ts'
import * as createEvaluationSnapshots from './2026_12_07_0800_create_evaluation_snapshots.ts'
import * as serviceSlugHistory from './2026_12_08_0200_service_slug_history.ts'
import * as searchEntriesRankIndex from './2026_12_08_0300_search_entries_rank_index.ts'

/** Every migration, in order. Listed explicitly: no directory scanning at start-up. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_1000_create_foundation': createFoundation,
  '2026_11_22_1100_create_catalogue': createCatalogue,
  '2026_11_22_1200_create_holidays': createHolidays,
  '2026_11_22_1300_create_form_files': createFormFiles,
  '2026_11_22_1400_create_offices': createOffices,
  '2026_11_22_1500_create_link_checks': createLinkChecks,
  '2026_11_22_1600_create_search': createSearch,
  '2026_11_22_1700_create_opendata': createOpendata,
  '2026_12_06_1100_create_version_laws': createVersionLaws,
  '2026_12_06_1200_opendata_export_files': opendataExportFiles,
  '2026_12_06_1300_harden_credentials': hardenCredentials,
  '2026_12_06_1400_create_form_file_uploads': createFormFileUploads,
  '2026_12_06_1500_create_notifications': createNotifications,
  '2026_12_06_1600_link_check_offline': linkCheckOffline,
  '2026_12_06_1800_create_reviews': createReviews,
  '2026_12_06_1900_create_helpful_feedback': createHelpfulFeedback,
  '2026_12_06_1910_create_accuracy_reports': createAccuracyReports,
  '2026_12_06_1920_create_transactions': createTransactions,
  '2026_12_07_0100_create_indicators': createIndicators,
  '2026_12_07_0200_calendar_1406': calendar1406,
  '2026_12_07_0300_create_service_page_views': createServicePageViews,
  '2026_12_07_0400_feedback_time_indexes': feedbackTimeIndexes,
  '2026_12_07_0500_form_once': formOnce,
  '2026_12_07_0600_publish_requests': publishRequests,
  '2026_12_07_0700_create_evaluation_methods': createEvaluationMethods,
  '2026_12_07_0800_create_evaluation_snapshots': createEvaluationSnapshots,
  '2026_12_08_0200_service_slug_history': serviceSlugHistory,
  '2026_12_08_0300_search_entries_rank_index': searchEntriesRankIndex,
}
