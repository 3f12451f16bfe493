export { importReportText, parseExportFormat, runExport, runImport } from './catalogue.cli.ts'
export { byteStream, EXPORT_FORMATS, type ExportFormat, exportChunks } from './catalogue.export.ts'
export { CATALOGUE_FORMAT, CATALOGUE_VERSION, LICENCE } from './catalogue.format.ts'
export { type ExportFiles, exportFilesOf, startExportFiles } from './export-files.store.ts'
