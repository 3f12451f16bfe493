export { importReportText, parseExportFormat, runExport, runImport } from './catalogue.cli.ts'
// The CSV rules (BOM, CRLF, RFC 4180 quoting, formula guard) for other features' CSV files.
export { CSV_BOM, csvRow } from './catalogue.csv.ts'
export { byteStream, EXPORT_FORMATS, type ExportFormat, exportChunks } from './catalogue.export.ts'
export { CATALOGUE_FORMAT, CATALOGUE_VERSION, LICENCE } from './catalogue.format.ts'
export { type ExportFiles, exportFilesOf, startExportFiles } from './export-files.store.ts'
