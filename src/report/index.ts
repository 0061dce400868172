export { parseTable, readTable, type Table } from './read-table.js';
export { REPORT_FILE, reportHtml, writeReport } from './write-report.js';
