/** Renders rows as an aligned Gherkin table, the form product owners read and paste. */
export function tableText(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, escapeCell(cell).length)));
  return rows.map((row) => `${indent}| ${row.map((cell, i) => escapeCell(cell).padEnd(widths[i]!)).join(' | ')} |`).join('\n');
}

/** A value written the way a table cell states it: plain for scalars, JSON for the rest. */
export function cellText(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

function escapeCell(cell: string): string {
  return cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '\\n');
}
