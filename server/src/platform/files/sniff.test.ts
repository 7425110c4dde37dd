// SPDX-License-Identifier: EUPL-1.2
// Unit tests for magic-byte file type detection.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectFileType } from './sniff.js';

const b = (...parts: (string | number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectFileType', () => {
  it('recognises each supported type by its magic bytes', () => {
    expect(detectFileType(b([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mime: 'image/jpeg', extension: 'jpg' });
    expect(detectFileType(b([0xff, 0xd8, 0xff]))).toEqual({ mime: 'image/jpeg', extension: 'jpg' });
    expect(detectFileType(b([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]))).toEqual({ mime: 'image/png', extension: 'png' });
    expect(detectFileType(b('GIF87a', [1, 0]))).toEqual({ mime: 'image/gif', extension: 'gif' });
    expect(detectFileType(b('GIF89a'))).toEqual({ mime: 'image/gif', extension: 'gif' });
    expect(detectFileType(b('RIFF', [0x24, 0, 0, 0], 'WEBPVP8L'))).toEqual({ mime: 'image/webp', extension: 'webp' });
    expect(detectFileType(b('%PDF-1.7\n'))).toEqual({ mime: 'application/pdf', extension: 'pdf' });
  });
  it('returns null for truncated signatures', () => {
    for (const buf of [b(), b([0xff, 0xd8]), b([0x89], 'PNG\r\n\x1a'), b('GIF89'), b('RIFF', [0, 0, 0, 0], 'WEB'), b('%PDF')]) {
      expect(detectFileType(buf)).toBeNull();
    }
  });
  it('returns null for near misses and other formats', () => {
    const cases = [
      b([0xff, 0xd8, 0x00]),
      b([0x89], 'PNG\r\n\x1a\r'),
      b('GIF88a'),
      b('gif89a'),
      b('RIFF', [0, 0, 0, 0], 'WAVE'), // audio in a RIFF container
      b('RIFX', [0, 0, 0, 0], 'WEBP'),
      b(' %PDF-1.7'), // header not at offset 0
      b('%pdf-1.7'),
      b('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      b('<html><body>'),
      b('PK', [3, 4]), // zip / docx
      b('II*', [0]), // TIFF
      b([0, 0, 0, 0x1c], 'ftypheic'), // HEIC
      b('MZ'),
    ];
    for (const buf of cases) expect(detectFileType(buf)).toBeNull();
  });
  it('looks only at the leading bytes, whatever follows', () => {
    const png = b([0x89], 'PNG\r\n\x1a\n');
    expect(detectFileType(b(png, '<script>alert(1)</script>'))?.mime).toBe('image/png');
    expect(detectFileType(b('<script>', png))).toBeNull();
  });
  it('never throws and only returns known types', () => {
    const known = new Map([['image/jpeg', 'jpg'], ['image/png', 'png'], ['image/webp', 'webp'], ['image/gif', 'gif'], ['application/pdf', 'pdf']]);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const r = detectFileType(Buffer.from(bytes));
      if (r) expect(known.get(r.mime)).toBe(r.extension);
    }), { numRuns: 2000 });
  });
});
