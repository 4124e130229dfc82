// Writing CSV safely: RFC 4180 quoting, and no cell a spreadsheet would run as a formula (OWASP "CSV
// Injection"). Every cell is treated as free text unless the writer declares its column verbatim: a
// format the exporter builds itself (amounts, dates, identifiers, fixed words), which must stay exact.

/** A first character that makes Excel, LibreOffice or Sheets read the cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A free-text cell: one starting like a formula is prefixed with a single quote (the spreadsheet then shows
 * it as text) and always quoted, as OWASP advises; any other text is written as RFC 4180 wants.
 */
export function textField(value: string): string {
  if (!FORMULA_START.test(value)) return csvField(value);
  return `"'${value.replace(/"/g, '""')}"`;
}

export interface CsvLineOptions {
  /** Columns (by position) written exactly as given: the exporter's own formats, never a person's text. */
  verbatim?: ReadonlySet<number>;
}

/** One CSV line with CRLF. Cells are free text unless their column is declared verbatim. */
export function csvLine(values: readonly string[], options: CsvLineOptions = {}): string {
  return `${values.map((v, i) => (options.verbatim?.has(i) ? csvField(v) : textField(v))).join(',')}\r\n`;
}
