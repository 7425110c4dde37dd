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

/**
 * Reads all rows; with `opRij` each row is handed over as it is read and not kept (a 100 MB file
 * then never holds all rows at once).
 */
export function leesCsv(tekst: string, opRij?: (rij: CsvRij) => void): { rijen: CsvRij[]; fout: CsvFout | null } {
  const text = tekst.charCodeAt(0) === 0xfeff ? tekst.slice(1) : tekst;
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|$/)));
  const sep = detecteerScheidingsteken(firstLine).charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const rijen: CsvRij[] = [];
  const n = text.length;
  let line = 1;
  let i = 0;
  // Field by field with slices (no per-character string building: files run to 100 MB).
  while (i < n) {
    const rowStart = line;
    const fields: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const quotedAt = line;
        let j = i + 1;
        let parts: string[] | null = null;
        let from = j;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return { rijen, fout: { regel: quotedAt, melding: 'Een aanhalingsteken (") wordt niet afgesloten.' } };
          if (text.charCodeAt(q + 1) === QUOTE) {
            (parts ??= []).push(text.slice(from, q + 1));
            j = q + 2;
            from = j;
            continue;
          }
          value = parts ? parts.join('') + text.slice(from, q) : text.slice(from, q);
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === LF) line++;
          j = q + 1;
          break;
        }
        // Characters after the closing quote up to the separator belong to the field (lenient).
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          k++;
        }
        if (k > j) value += text.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === sep || c === LF || c === CR) break;
          if (c === QUOTE) {
            // A quote inside an unquoted field starts a quoted section (as the old reader did).
            const q = text.indexOf('"', k + 1);
            if (q < 0) return { rijen, fout: { regel: line, melding: 'Een aanhalingsteken (") wordt niet afgesloten.' } };
            for (let m = k; m < q; m++) if (text.charCodeAt(m) === LF) line++;
            k = q + 1;
            continue;
          }
          k++;
        }
        value = text.slice(i, k).replace(/"/g, '');
        i = k;
      }
      fields.push(value);
      const c = i < n ? text.charCodeAt(i) : LF;
      if (c === sep) {
        i++;
        if (i >= n) {
          fields.push('');
          endOfRow = true;
        }
      } else {
        endOfRow = true;
        if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else i++;
        if (i <= n) line++;
      }
    }
    if (!(fields.length === 1 && fields[0]!.trim() === '')) {
      if (opRij) opRij({ regel: rowStart, velden: fields });
      else rijen.push({ regel: rowStart, velden: fields });
    }
  }
  return { rijen, fout: null };
}
