// SPDX-License-Identifier: EUPL-1.2
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const dateOnly = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** Datum en tijd in Nederlandse notatie, tijdzone Europe/Amsterdam. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

/** Groepeert een geheim in blokken van 4 tekens (voor handmatige invoer van de TOTP-sleutel). */
export function groupInBlocks(value: string, size = 4): string {
  const clean = value.replace(/\s+/g, '');
  const blocks: string[] = [];
  for (let i = 0; i < clean.length; i += size) blocks.push(clean.slice(i, i + size));
  return blocks.join(' ');
}

/** Base64 van een UTF-8-string (voor data:-URL's van SVG). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
