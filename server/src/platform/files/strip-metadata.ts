// SPDX-License-Identifier: EUPL-1.2
// Removes identifying metadata (EXIF/GPS, XMP, IPTC, comments, thumbnails) from uploaded images without re-encoding.
import type { SniffedMime } from './sniff.js';

const FORMAT_NAMES: Record<Exclude<SniffedMime, 'application/pdf'>, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

/** The only error stripImageMetadata throws; the message is fit to show to the user. */
export class MalformedImageError extends Error {
  override readonly name = 'MalformedImageError';
  constructor(readonly format: string) {
    super(`De afbeelding is beschadigd of geen geldig ${format}-bestand.`);
  }
}

/**
 * Returns a copy of the image without metadata. The approach is an allow-list per format: only the
 * parts a decoder needs (plus colour information) are copied verbatim, everything else is dropped,
 * including unknown optional chunks/segments and any bytes after the end-of-image marker.
 *
 * - JPEG: keeps SOFn, DHT, DAC, DQT, DRI, DNL, DHP, EXP, SOS + entropy-coded data (all scans of a
 *   progressive image), APP14 (Adobe colour transform) and APP0 JFIF — the latter rewritten without
 *   its embedded thumbnail, which may show the uncropped original. Drops APP1–APP13, APP15 (EXIF/GPS,
 *   XMP, ICC, MPF, IPTC/Photoshop, …), COM, other APP0 (JFXX thumbnails) and reserved markers.
 * - PNG: keeps critical chunks and known rendering chunks; drops eXIf, tEXt, zTXt, iTXt, tIME and every
 *   other ancillary chunk (e.g. C2PA caBX). CRCs are not checked; kept chunks are copied verbatim.
 * - WebP: keeps VP8/VP8L/VP8X/ALPH/ANIM/ANMF/ICCP; drops EXIF, XMP and unknown chunks, clears the EXIF
 *   and XMP flags in VP8X and recomputes the RIFF size.
 * - GIF: keeps graphic-control and plain-text extensions and the NETSCAPE2.0/ANIMEXTS1.0 looping
 *   extensions; drops comments and all other application extensions (XMP, ICC, …).
 * - PDF: returned unchanged — it is not an image and cannot be cleaned structurally here.
 *
 * Throws MalformedImageError (and nothing else) when the bytes do not match the declared type.
 */
export function stripImageMetadata(buf: Buffer, mime: SniffedMime): Buffer {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(buf);
    case 'image/png':
      return stripPng(buf);
    case 'image/webp':
      return stripWebp(buf);
    case 'image/gif':
      return stripGif(buf);
    case 'application/pdf':
      return buf;
    default:
      throw new MalformedImageError(String(mime as unknown));
  }
}

// ---------------------------------------------------------------- JPEG

function isKeptJpegMarker(marker: number): boolean {
  // SOF0–SOF15 (except 0xC8, reserved "JPG"), DHT 0xC4 and DAC 0xCC are all in 0xC0–0xCF.
  if (marker >= 0xc0 && marker <= 0xcf) return marker !== 0xc8;
  // DQT, DNL, DRI, DHP, EXP.
  if (marker >= 0xdb && marker <= 0xdf) return true;
  return marker === 0xee; // APP14 Adobe
}

const isSof = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function stripJpeg(buf: Buffer): Buffer {
  const bad = (): MalformedImageError => new MalformedImageError(FORMAT_NAMES['image/jpeg']);
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) throw bad();
  const out: Buffer[] = [Buffer.from([0xff, 0xd8])];
  let pos = 2;
  let sawSof = false;
  let sawSos = false;
  for (;;) {
    if (buf[pos] !== 0xff) throw bad();
    while (buf[pos] === 0xff) pos++; // fill bytes
    if (pos >= buf.length) throw bad();
    const marker = buf[pos] as number;
    pos++;
    if (marker === 0xd9) {
      if (!sawSos) throw bad();
      out.push(Buffer.from([0xff, 0xd9]));
      break; // anything after EOI (e.g. MPF secondary images with their own EXIF) is dropped
    }
    if (marker === 0x01) continue; // TEM: standalone, carries nothing
    if (marker === 0x00 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) throw bad();
    if (pos + 2 > buf.length) throw bad();
    const length = buf.readUInt16BE(pos);
    const end = pos + length;
    if (length < 2 || end > buf.length) throw bad();
    const data = buf.subarray(pos + 2, end);
    pos = end;
    if (marker === 0xe0) {
      // JFIF APP0: "JFIF\0", version(2), units(1), densities(4), thumbnail w/h(2), thumbnail pixels.
      if (data.length >= 14 && data.toString('latin1', 0, 5) === 'JFIF\0') {
        const jfif = Buffer.from(data.subarray(0, 14));
        jfif[12] = 0;
        jfif[13] = 0;
        out.push(Buffer.from([0xff, 0xe0, 0x00, 16]), jfif);
      }
      continue;
    }
    if (!isKeptJpegMarker(marker) && marker !== 0xda) continue;
    out.push(Buffer.from([0xff, marker]), buf.subarray(end - length, end));
    if (isSof(marker)) sawSof = true;
    if (marker !== 0xda) continue;
    if (!sawSof) throw bad();
    sawSos = true;
    // Entropy-coded data runs until a 0xFF that is not followed by 0x00 (stuffing), RSTn or another 0xFF.
    let p = pos;
    for (;;) {
      const ff = buf.indexOf(0xff, p);
      if (ff < 0 || ff + 1 >= buf.length) throw bad(); // no EOI
      const next = buf[ff + 1] as number;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
        p = ff + 2;
        continue;
      }
      if (next === 0xff) {
        p = ff + 1;
        continue;
      }
      p = ff;
      break;
    }
    // Trailing 0xFF fill bytes before the marker are left to the marker loop.
    while (p > pos && buf[p - 1] === 0xff) p--;
    out.push(buf.subarray(pos, p));
    pos = p;
  }
  if (!sawSof) throw bad();
  return Buffer.concat(out);
}

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Ancillary chunks that affect rendering (colour, transparency, animation) and carry no identifying data. */
const PNG_KEPT_ANCILLARY = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'sPLT', 'cICP', 'mDCV', 'cLLI', 'acTL', 'fcTL', 'fdAT']);

function stripPng(buf: Buffer): Buffer {
  const bad = (): MalformedImageError => new MalformedImageError(FORMAT_NAMES['image/png']);
  if (buf.length < PNG_SIGNATURE.length || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw bad();
  const out: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  let sawIdat = false;
  for (let index = 0; ; index++) {
    if (pos + 12 > buf.length) throw bad();
    const length = buf.readUInt32BE(pos);
    if (length > 0x7fffffff) throw bad();
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad();
    const end = pos + 12 + length;
    if (end > buf.length) throw bad();
    if ((index === 0) !== (type === 'IHDR')) throw bad();
    if (type === 'IHDR' && length !== 13) throw bad();
    const critical = (type.charCodeAt(0) & 0x20) === 0;
    if (critical || PNG_KEPT_ANCILLARY.has(type)) out.push(buf.subarray(pos, end));
    if (type === 'IDAT') sawIdat = true;
    pos = end;
    if (type === 'IEND') break; // trailing bytes are dropped
  }
  if (!sawIdat) throw bad();
  return Buffer.concat(out);
}

// ---------------------------------------------------------------- WebP

const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_FLAG_EXIF = 0x08;
const VP8X_FLAG_XMP = 0x04;

function stripWebp(buf: Buffer): Buffer {
  const bad = (): MalformedImageError => new MalformedImageError(FORMAT_NAMES['image/webp']);
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WEBP') throw bad();
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) throw bad();
  const chunks: Buffer[] = [];
  let pos = 12;
  let first = true;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw bad();
    const fourcc = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const dataEnd = pos + 8 + size;
    if (dataEnd > riffEnd) throw bad();
    if (first && fourcc !== 'VP8 ' && fourcc !== 'VP8L' && fourcc !== 'VP8X') throw bad();
    first = false;
    if (WEBP_KEPT.has(fourcc)) {
      const chunk = Buffer.from(buf.subarray(pos, dataEnd));
      if (fourcc === 'VP8X') {
        if (size < 10) throw bad();
        chunk[8] = (chunk[8] as number) & ~(VP8X_FLAG_EXIF | VP8X_FLAG_XMP);
      }
      chunks.push(chunk);
      // Odd-sized chunks are followed by a pad byte; tolerate it missing at the very end.
      if (size % 2 === 1) chunks.push(Buffer.alloc(1));
    }
    pos = dataEnd + (size % 2);
  }
  if (first) throw bad();
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

// ---------------------------------------------------------------- GIF

const GIF_KEPT_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

function stripGif(buf: Buffer): Buffer {
  const bad = (): MalformedImageError => new MalformedImageError(FORMAT_NAMES['image/gif']);
  const signature = buf.toString('latin1', 0, 6);
  if (buf.length < 13 || (signature !== 'GIF87a' && signature !== 'GIF89a')) throw bad();
  const colorTableSize = (packed: number): number => ((packed & 0x80) !== 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
  /** Returns the offset just after the terminating zero-length sub-block. */
  const skipSubBlocks = (start: number): number => {
    let p = start;
    for (;;) {
      if (p >= buf.length) throw bad();
      const size = buf[p] as number;
      p += 1 + size;
      if (size === 0) return p;
    }
  };
  let pos = 13 + colorTableSize(buf[10] as number);
  if (pos > buf.length) throw bad();
  const out: Buffer[] = [buf.subarray(0, pos)];
  let sawImage = false;
  for (;;) {
    if (pos >= buf.length) throw bad();
    const introducer = buf[pos];
    if (introducer === 0x3b) {
      if (!sawImage) throw bad();
      out.push(Buffer.from([0x3b]));
      break; // trailing bytes are dropped
    }
    if (introducer === 0x21) {
      if (pos + 2 > buf.length) throw bad();
      const label = buf[pos + 1];
      const end = skipSubBlocks(pos + 2);
      let keep = label === 0xf9 || label === 0x01; // graphic control, plain text
      if (label === 0xff && buf[pos + 2] === 11) keep = GIF_KEPT_APPLICATIONS.has(buf.toString('latin1', pos + 3, pos + 14));
      if (keep) out.push(buf.subarray(pos, end));
      pos = end;
      continue;
    }
    if (introducer === 0x2c) {
      if (pos + 10 > buf.length) throw bad();
      const dataStart = pos + 10 + colorTableSize(buf[pos + 9] as number) + 1; // + LZW minimum code size
      if (dataStart > buf.length) throw bad();
      const end = skipSubBlocks(dataStart);
      out.push(buf.subarray(pos, end));
      sawImage = true;
      pos = end;
      continue;
    }
    throw bad();
  }
  return Buffer.concat(out);
}
