// SPDX-License-Identifier: EUPL-1.2
// Detects the type of an uploaded file from its magic bytes only (never from its name or a client header).

export type SniffedMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'application/pdf';

export interface SniffedType {
  mime: SniffedMime;
  /** Canonical extension without a dot. */
  extension: string;
}

function startsWith(buf: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (buf.length < offset + bytes.length) return false;
  return bytes.every((b, i) => buf[offset + i] === b);
}

const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
// The PDF header must be at offset 0 here; readers that tolerate leading junk would let a polyglot through.
const PDF = ascii('%PDF-');

export function detectFileType(buf: Buffer): SniffedType | null {
  if (startsWith(buf, JPEG)) return { mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(buf, PNG)) return { mime: 'image/png', extension: 'png' };
  if (startsWith(buf, GIF87) || startsWith(buf, GIF89)) return { mime: 'image/gif', extension: 'gif' };
  if (startsWith(buf, RIFF) && startsWith(buf, WEBP, 8)) return { mime: 'image/webp', extension: 'webp' };
  if (startsWith(buf, PDF)) return { mime: 'application/pdf', extension: 'pdf' };
  return null;
}
