// SPDX-License-Identifier: EUPL-1.2
// Validates answers to a category's extra questions (Open311 datatypes) and finds hard stops. Pure.
import type { Question } from './categories.js';

export type AnswerValue = string | number | string[];
export interface AnswerError {
  veld: string;
  melding: string;
}

export type AnswersResult = { ok: true; value: Record<string, AnswerValue>; hardStop: string | null } | { ok: false; errors: AnswerError[] };

const MAX_TEXT = 2000;

export function validateAnswers(questions: readonly Question[], input: unknown): AnswersResult {
  const errors: AnswerError[] = [];
  const value: Record<string, AnswerValue> = {};
  let hardStop: string | null = null;
  const given: Record<string, unknown> = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    return { ok: false, errors: [{ veld: 'antwoorden', melding: 'De antwoorden moeten een object zijn.' }] };
  }
  const known = new Set(questions.map((q) => q.code));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) errors.push({ veld: `antwoorden.${key}`, melding: 'Deze vraag hoort niet bij de gekozen categorie.' });
  }
  for (const q of [...questions].sort((a, b) => a.volgorde - b.volgorde)) {
    const field = `antwoorden.${q.code}`;
    const raw = given[q.code];
    const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (q.verplicht) errors.push({ veld: field, melding: `Beantwoord de vraag "${q.vraag}".` });
      continue;
    }
    switch (q.datatype) {
      case 'string':
      case 'text': {
        const max = q.datatype === 'string' ? 200 : MAX_TEXT;
        if (typeof raw !== 'string' || raw.trim().length === 0) errors.push({ veld: field, melding: 'Vul hier tekst in.' });
        else if (raw.length > max) errors.push({ veld: field, melding: `Gebruik maximaal ${max} tekens.` });
        else value[q.code] = raw.trim();
        break;
      }
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(?:[.,]\d+)?$/.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : NaN;
        if (!Number.isFinite(n) || Math.abs(n) > 1e9) errors.push({ veld: field, melding: 'Vul een getal in.' });
        else value[q.code] = n;
        break;
      }
      case 'datetime': {
        const ok = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(raw) && !Number.isNaN(Date.parse(raw));
        if (!ok) errors.push({ veld: field, melding: 'Vul een datum in (bijvoorbeeld 2026-12-01 of 2026-12-01T14:30).' });
        else value[q.code] = raw;
        break;
      }
      case 'singlevaluelist': {
        const opt = typeof raw === 'string' ? q.waarden?.find((w) => w.key === raw) : undefined;
        if (!opt) errors.push({ veld: field, melding: 'Kies een van de antwoorden.' });
        else {
          value[q.code] = opt.key;
          if (opt.hardeStop) hardStop = opt.hardeStop;
        }
        break;
      }
      case 'multivaluelist': {
        const list = Array.isArray(raw) ? raw : null;
        const opts = list?.map((v) => (typeof v === 'string' ? q.waarden?.find((w) => w.key === v) : undefined));
        if (!list || !opts || opts.some((o) => !o) || new Set(list).size !== list.length) errors.push({ veld: field, melding: 'Kies een of meer van de antwoorden.' });
        else {
          value[q.code] = opts.map((o) => o!.key);
          const stop = opts.find((o) => o!.hardeStop);
          if (stop) hardStop = stop.hardeStop!;
        }
        break;
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value, hardStop };
}
