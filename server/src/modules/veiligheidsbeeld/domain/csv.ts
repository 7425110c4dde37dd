// SPDX-License-Identifier: EUPL-1.2
// A small RFC 4180-style CSV reader: separator detected from the header (';', ',' or tab), quoted
// fields with doubled quotes, CRLF or LF, BOM removed. Every row keeps its 1-based line number.

export interface CsvRij {
  regel: number;
  velden: string[];
}

export interface CsvFout {
  regel: number;
  melding: string;
}

export function detecteerScheidingsteken(kopregel: string): ';' | ',' | '\t' {
  let inQuotes = false;
  const n = { ';': 0, ',': 0, '\t': 0 };
  for (const ch of kopregel) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) n[ch]++;
  }
  if (n[';'] >= n[','] && n[';'] >= n['\t']) return ';';
  return n['\t'] > n[','] ? '\t' : ',';
}

export function leesCsv(tekst: string): { rijen: CsvRij[]; fout: CsvFout | null } {
  const text = tekst.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const sep = detecteerScheidingsteken(firstLine);
  const rijen: CsvRij[] = [];
  let line = 1;
  let rowStart = 1;
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quotedAt = 0;
  const endRow = () => {
    fields.push(field);
    field = '';
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rijen.push({ regel: rowStart, velden: fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      quotedAt = line;
    } else if (ch === sep) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
      rowStart = line;
    } else field += ch;
  }
  if (inQuotes) return { rijen, fout: { regel: quotedAt, melding: 'Een aanhalingsteken (") wordt niet afgesloten.' } };
  if (field !== '' || fields.length > 0) endRow();
  return { rijen, fout: null };
}
