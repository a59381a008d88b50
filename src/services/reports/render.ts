// The four renderers of one report model, plus print-friendly HTML: Markdown tables, CSV (each
// table as a titled block), JSON (the numbers and the tables), HTML with a print stylesheet and a
// PDF with real text (pdf-lib's standard Helvetica; characters it cannot encode become "?").

import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { reportDocument } from './model.js';
import type { Cell, Report, ReportDocument } from './model.js';

export type ReportFormat = 'json' | 'md' | 'csv' | 'html' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'csv', 'html', 'pdf'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

function text(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

function mdCell(cell: Cell): string {
  return text(cell).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function toMarkdown(report: Report): string {
  const doc = reportDocument(report);
  const out = [`# ${doc.title}`, '', doc.subtitle, ''];
  for (const table of doc.tables) {
    out.push(`## ${table.title}`, '');
    if (table.rows.length === 0) {
      out.push('None.', '');
      continue;
    }
    out.push(`| ${table.columns.join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`);
    for (const row of table.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

function csvCell(cell: Cell): string {
  const value = text(cell);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) && typeof cell !== 'number' ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Each table as a block: its title, its header, its rows; a blank line between blocks. */
export function toCsv(report: Report): string {
  const doc = reportDocument(report);
  const lines: string[] = [csvCell(doc.title), csvCell(doc.subtitle), ''];
  for (const table of doc.tables) {
    lines.push(csvCell(table.title), table.columns.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
    lines.push('');
  }
  return lines.join('\r\n');
}

export function toJson(report: Report): string {
  return `${JSON.stringify({ report, tables: reportDocument(report).tables }, null, 2)}\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function toHtml(report: Report): string {
  const doc = reportDocument(report);
  const tables = doc.tables
    .map((table) => {
      const body =
        table.rows.length === 0
          ? `<p class="none">None.</p>`
          : `<table><thead><tr>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${table.rows
              .map((row) => `<tr>${row.map((cell) => `<td${typeof cell === 'number' ? ' class="n"' : ''}>${escapeHtml(text(cell))}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`;
      return `<section><h2>${escapeHtml(table.title)}</h2>${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}
h1{font-size:1.4rem;margin:0}.sub{color:#555;margin:.2rem 0 1.5rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
td.n{text-align:right}th{background:#f3f3f3}
@media print{body{margin:0;font-size:11pt}section{break-inside:avoid}th{background:none}a{color:inherit}}
</style></head>
<body><h1>${escapeHtml(doc.title)}</h1><p class="sub">${escapeHtml(doc.subtitle)}</p>
${tables}
</body></html>
`;
}

/** Text Helvetica can show: Latin-1 printable characters; anything else becomes "?". */
function pdfText(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function fit(font: PDFFont, value: string, size: number, width: number): string {
  const whole = pdfText(value);
  if (font.widthOfTextAtSize(whole, size) <= width) return whole;
  let out = whole;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}..`, size) > width) out = out.slice(0, -1);
  return `${out}..`;
}

export async function toPdf(report: Report, createdAt: Date = new Date(0)): Promise<Uint8Array> {
  const doc: ReportDocument = reportDocument(report);
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfText(doc.title));
  pdf.setProducer('scrumdown');
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [595.28, 841.89]; // A4
  const margin = 40;
  let page: PDFPage = pdf.addPage([width, height]);
  let y = height - margin;
  const line = (value: string, size: number, f: PDFFont, x = margin, maxWidth = width - 2 * margin) => {
    page.drawText(fit(f, value, size, maxWidth), { x, y, size, font: f, color: rgb(0, 0, 0) });
  };
  const need = (space: number) => {
    if (y - space < margin) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
  };
  line(doc.title, 16, bold);
  y -= 20;
  line(doc.subtitle, 10, font);
  y -= 24;
  for (const table of doc.tables) {
    need(40);
    line(table.title, 12, bold);
    y -= 16;
    const columnWidth = (width - 2 * margin) / table.columns.length;
    const row = (cells: Cell[], f: PDFFont) => {
      need(14);
      cells.forEach((cell, i) => line(text(cell), 8, f, margin + i * columnWidth, columnWidth - 4));
      y -= 12;
    };
    row(table.columns, bold);
    if (table.rows.length === 0) {
      line('None.', 8, font);
      y -= 12;
    }
    for (const cells of table.rows) row(cells, font);
    y -= 10;
  }
  return pdf.save();
}

export async function renderReport(report: Report, format: ReportFormat, createdAt?: Date): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return toJson(report);
    case 'md':
      return toMarkdown(report);
    case 'csv':
      return toCsv(report);
    case 'html':
      return toHtml(report);
    case 'pdf':
      return toPdf(report, createdAt);
  }
}
