// SPDX-License-Identifier: EUPL-1.2
// Unit tests for metadata stripping on hand-built JPEG, PNG, WebP and GIF images.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MalformedImageError, stripImageMetadata } from './strip-metadata.js';
import { detectFileType, type SniffedMime } from './sniff.js';

// ------------------------------------------------------------------ helpers

const b = (...parts: (string | number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const u16be = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const u32be = (n: number): Buffer => { const x = Buffer.alloc(4); x.writeUInt32BE(n); return x; };
const u32le = (n: number): Buffer => { const x = Buffer.alloc(4); x.writeUInt32LE(n); return x; };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SECRETS = ['GEHEIM-GPS-52.1234', 'GEHEIM-XMP-AUTEUR', 'GEHEIM-IPTC', 'GEHEIM-COMMENTAAR', 'GEHEIM-ICC-TOESTEL', 'GEHEIM-NA-EINDE', 'GEHEIM-THUMB', 'GEHEIM-TIJD', 'GEHEIM-ONBEKEND'];
function expectNoSecrets(buf: Buffer): void {
  const text = buf.toString('latin1');
  for (const s of SECRETS) expect(text).not.toContain(s);
  expect(text).not.toContain('http://ns.adobe.com/xap/1.0/');
  expect(text).not.toContain('Exif');
}

function expectMalformed(fn: () => unknown, format: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MalformedImageError);
  expect((caught as Error).message).toBe(`De afbeelding is beschadigd of geen geldig ${format}-bestand.`);
}

/** Runs strip and returns the outcome; anything other than success or MalformedImageError fails the test. */
function tryStrip(buf: Buffer, mime: SniffedMime): Buffer | null {
  try {
    return stripImageMetadata(buf, mime);
  } catch (e) {
    if (e instanceof MalformedImageError) return null;
    throw e;
  }
}

/** Mutations of a valid file: byte flips, truncation, insertion and deletion. */
function mutated(valid: Buffer): fc.Arbitrary<Buffer> {
  const flip = fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }).map((edits) => {
    const copy = Buffer.from(valid);
    for (const [i, v] of edits) copy[i] = v;
    return copy;
  });
  const truncate = fc.nat(valid.length).map((n) => valid.subarray(0, n));
  const insert = fc.tuple(fc.nat(valid.length), fc.uint8Array({ minLength: 1, maxLength: 40 })).map(([i, extra]) => Buffer.concat([valid.subarray(0, i), Buffer.from(extra), valid.subarray(i)]));
  const remove = fc.tuple(fc.nat(valid.length), fc.integer({ min: 1, max: 20 })).map(([i, n]) => Buffer.concat([valid.subarray(0, i), valid.subarray(i + n)]));
  return fc.oneof(flip, truncate, insert, remove);
}

// ------------------------------------------------------------------ JPEG

const seg = (marker: number, data: Buffer): Buffer => b([0xff, marker], u16be(data.length + 2), data);
const JFIF_NO_THUMB = seg(0xe0, b('JFIF\0', [1, 1, 0], u16be(72), u16be(72), [0, 0]));
const JFIF_WITH_THUMB = seg(0xe0, b('JFIF\0', [1, 2, 1], u16be(96), u16be(96), [1, 1], 'GEH')); // 1×1 RGB thumbnail
const JFXX = seg(0xe0, b('JFXX\0', [0x10], 'GEHEIM-THUMB'));
const EXIF = seg(0xe1, b('Exif\0\0', 'MM\0*', [0, 0, 0, 8], [0, 1], [0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26], [0, 0, 0, 0], 'GPS GEHEIM-GPS-52.1234'));
const XMP = seg(0xe1, b('http://ns.adobe.com/xap/1.0/\0', '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>GEHEIM-XMP-AUTEUR</dc:creator></x:xmpmeta>'));
const ICC = seg(0xe2, b('ICC_PROFILE\0', [1, 1], 'GEHEIM-ICC-TOESTEL'));
const IPTC = seg(0xed, b('Photoshop 3.0\0', '8BIM', [4, 4], 'GEHEIM-IPTC'));
const APP15 = seg(0xef, b('GEHEIM-ONBEKEND'));
const COM = seg(0xfe, b('GEHEIM-COMMENTAAR'));
const ADOBE = seg(0xee, b('Adobe', [0, 100], [0, 0], [0, 0], [1]));
// A decodable 8×8 grey baseline image: quantisation all ones, one DC code (category 0) and one AC code (EOB).
const DQT = seg(0xdb, b([0x00], Array.from({ length: 64 }, () => 1)));
const SOF0 = seg(0xc0, b([8], u16be(8), u16be(8), [1, 1, 0x11, 0]));
const DHT_DC = seg(0xc4, b([0x00, 1], Array.from({ length: 15 }, () => 0), [0x00]));
const DHT_AC = seg(0xc4, b([0x10, 1], Array.from({ length: 15 }, () => 0), [0x00]));
const DRI = seg(0xdd, b(u16be(0)));
const SOS = seg(0xda, b([1, 1, 0x00, 0, 63, 0]));
const SCAN = b([0x3f]); // bits "0" (DC diff 0) + "0" (EOB), padded with ones
const EOI = b([0xff, 0xd9]);
const SOI = b([0xff, 0xd8]);

const CLEAN_JPEG = b(SOI, JFIF_NO_THUMB, DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN, EOI);
const DIRTY_JPEG = b(SOI, JFIF_WITH_THUMB, EXIF, XMP, ICC, IPTC, APP15, COM, ADOBE, JFXX, DQT, SOF0, DHT_DC, COM, DHT_AC, DRI, SOS, SCAN, EOI, 'GEHEIM-NA-EINDE');

/** Lists the markers of a JPEG by walking it (test-side, independent of the implementation). */
function jpegMarkers(buf: Buffer): number[] {
  const markers: number[] = [];
  let pos = 2;
  while (pos < buf.length) {
    expect(buf[pos]).toBe(0xff);
    const m = buf[pos + 1] as number;
    markers.push(m);
    if (m === 0xd9) break;
    pos += 2 + buf.readUInt16BE(pos + 2);
    if (m === 0xda) {
      while (pos < buf.length && !(buf[pos] === 0xff && buf[pos + 1] !== 0 && !((buf[pos + 1] as number) >= 0xd0 && (buf[pos + 1] as number) <= 0xd7))) pos++;
    }
  }
  return markers;
}

describe('stripImageMetadata — JPEG', () => {
  it('removes EXIF/GPS, XMP, ICC, IPTC, APP15, comments, JFXX and trailing data', () => {
    const out = stripImageMetadata(DIRTY_JPEG, 'image/jpeg');
    expect(DIRTY_JPEG.toString('latin1')).toContain('GEHEIM-GPS-52.1234');
    expectNoSecrets(out);
    expect(out.subarray(0, 2)).toEqual(SOI);
    expect(out.subarray(-2)).toEqual(EOI);
    expect(jpegMarkers(out)).toEqual([0xe0, 0xee, 0xdb, 0xc0, 0xc4, 0xc4, 0xdd, 0xda, 0xd9]);
  });
  it('keeps the decoding segments byte for byte and the JFIF header without thumbnail', () => {
    const out = stripImageMetadata(DIRTY_JPEG, 'image/jpeg');
    expect(out).toEqual(b(SOI, seg(0xe0, b('JFIF\0', [1, 2, 1], u16be(96), u16be(96), [0, 0])), ADOBE, DQT, SOF0, DHT_DC, DHT_AC, DRI, SOS, SCAN, EOI));
  });
  it('leaves a clean image unchanged and is idempotent', () => {
    expect(stripImageMetadata(CLEAN_JPEG, 'image/jpeg')).toEqual(CLEAN_JPEG);
    const once = stripImageMetadata(DIRTY_JPEG, 'image/jpeg');
    expect(stripImageMetadata(once, 'image/jpeg')).toEqual(once);
  });
  it('copies entropy data with stuffed bytes and restart markers intact', () => {
    const scan = b([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0x78]);
    const out = stripImageMetadata(b(SOI, DQT, SOF0, DHT_DC, DHT_AC, SOS, scan, EOI), 'image/jpeg');
    expect(out).toEqual(b(SOI, DQT, SOF0, DHT_DC, DHT_AC, SOS, scan, EOI));
  });
  it('walks every scan of a progressive image and strips segments between scans', () => {
    const sof2 = seg(0xc2, SOF0.subarray(4));
    const input = b(SOI, DQT, sof2, DHT_DC, SOS, SCAN, COM, EXIF, DHT_AC, SOS, SCAN, XMP, SOS, SCAN, EOI);
    const out = stripImageMetadata(input, 'image/jpeg');
    expectNoSecrets(out);
    expect(out).toEqual(b(SOI, DQT, sof2, DHT_DC, SOS, SCAN, DHT_AC, SOS, SCAN, SOS, SCAN, EOI));
  });
  it('accepts fill bytes before markers and normalises them away', () => {
    const input = b(SOI, [0xff, 0xff], DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN, [0xff, 0xff], EOI);
    expect(stripImageMetadata(input, 'image/jpeg')).toEqual(b(SOI, DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN, EOI));
  });
  it('rejects malformed JPEGs with MalformedImageError', () => {
    const cases: Buffer[] = [
      Buffer.alloc(0),
      b([0xff, 0xd8]),
      b([0xff, 0xd8, 0xff]),
      b([0x89], 'PNG'),
      b(SOI, EOI), // no image at all
      b(SOI, DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN), // no EOI
      b(SOI, DQT, SOF0, DHT_DC, DHT_AC, SOS, SCAN, [0xff]), // ends inside a marker
      b(SOI, DQT, DHT_DC, DHT_AC, SOS, SCAN, EOI), // SOS before SOF
      b(SOI, DQT, SOF0, EOI), // no scan
      b(SOI, [0xff, 0xe1, 0x00, 0x01], EOI), // length < 2
      b(SOI, [0xff, 0xe1, 0x10, 0x00, 0x00], EOI), // length past the end
      b(SOI, [0xff, 0xd0], DQT, SOF0, SOS, SCAN, EOI), // RST outside entropy data
      b(SOI, [0xff, 0xd8], DQT), // second SOI
      b(SOI, [0x00, 0x00], DQT),
      CLEAN_JPEG.subarray(0, CLEAN_JPEG.length - 1),
    ];
    for (const c of cases) expectMalformed(() => stripImageMetadata(c, 'image/jpeg'), 'JPEG');
  });
});

// ------------------------------------------------------------------ PNG

const chunk = (type: string, data: Buffer): Buffer => b(u32be(data.length), type, data, u32be(crc32(b(type, data))));
const IHDR = chunk('IHDR', b(u32be(1), u32be(1), [8, 2, 0, 0, 0])); // 1×1 RGB
const IDAT = chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x12, 0x34, 0x56])));
const IEND = chunk('IEND', Buffer.alloc(0));
const PNG_SIG = b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GAMA = chunk('gAMA', u32be(45455));
const PHYS = chunk('pHYs', b(u32be(2835), u32be(2835), [1]));
const SRGB = chunk('sRGB', b([0]));
const CLEAN_PNG = b(PNG_SIG, IHDR, GAMA, SRGB, PHYS, IDAT, IEND);
const DIRTY_PNG = b(
  PNG_SIG, IHDR, chunk('tEXt', b('Author\0GEHEIM-XMP-AUTEUR')), GAMA,
  chunk('eXIf', b('MM\0*', [0, 0, 0, 8], 'GEHEIM-GPS-52.1234')),
  chunk('iTXt', b('XML:com.adobe.xmp\0\0\0\0\0', '<x:xmpmeta>http://ns.adobe.com/xap/1.0/ GEHEIM-IPTC</x:xmpmeta>')),
  chunk('zTXt', b('Comment\0\0', zlib.deflateSync(b('GEHEIM-COMMENTAAR')))), chunk('zTXt', b('Raw\0\0', 'GEHEIM-COMMENTAAR')),
  chunk('tIME', b(u16be(2025), [3, 1, 12, 0, 0])), chunk('caBX', b('GEHEIM-ONBEKEND')), SRGB, PHYS,
  IDAT, chunk('tEXt', b('Comment\0GEHEIM-NA-EINDE')), IEND, 'GEHEIM-NA-EINDE',
);

function pngChunks(buf: Buffer): string[] {
  const types: string[] = [];
  for (let pos = 8; pos < buf.length;) {
    const len = buf.readUInt32BE(pos);
    types.push(buf.toString('latin1', pos + 4, pos + 8));
    expect(buf.readUInt32BE(pos + 8 + len)).toBe(crc32(buf.subarray(pos + 4, pos + 8 + len)));
    pos += 12 + len;
  }
  return types;
}

describe('stripImageMetadata — PNG', () => {
  it('removes eXIf, tEXt, zTXt, iTXt, tIME, unknown ancillary chunks and trailing data', () => {
    const out = stripImageMetadata(DIRTY_PNG, 'image/png');
    expectNoSecrets(out);
    expect(pngChunks(out)).toEqual(['IHDR', 'gAMA', 'sRGB', 'pHYs', 'IDAT', 'IEND']);
    expect(out).toEqual(CLEAN_PNG);
  });
  it('keeps the pixel data decodable (signature, valid CRCs, IDAT inflates to the original scanline)', () => {
    const out = stripImageMetadata(DIRTY_PNG, 'image/png');
    expect(out.subarray(0, 8)).toEqual(PNG_SIG);
    const idatPos = out.indexOf('IDAT') - 4;
    const data = out.subarray(idatPos + 8, idatPos + 8 + out.readUInt32BE(idatPos));
    expect(zlib.inflateSync(data)).toEqual(Buffer.from([0, 0x12, 0x34, 0x56]));
  });
  it('leaves a clean image unchanged, keeps unknown critical and animation chunks, and is idempotent', () => {
    expect(stripImageMetadata(CLEAN_PNG, 'image/png')).toEqual(CLEAN_PNG);
    const apng = b(PNG_SIG, IHDR, chunk('acTL', b(u32be(1), u32be(0))), chunk('fcTL', Buffer.alloc(26)), IDAT, chunk('ABCD', b('x')), IEND);
    expect(stripImageMetadata(apng, 'image/png')).toEqual(apng);
    const once = stripImageMetadata(DIRTY_PNG, 'image/png');
    expect(stripImageMetadata(once, 'image/png')).toEqual(once);
  });
  it('copies chunks verbatim without checking CRCs', () => {
    const badCrc = Buffer.from(CLEAN_PNG);
    badCrc.writeUInt32BE(0, 8 + 8 + 13); // IHDR CRC
    expect(stripImageMetadata(badCrc, 'image/png')).toEqual(badCrc);
  });
  it('rejects malformed PNGs with MalformedImageError', () => {
    const cases: Buffer[] = [
      Buffer.alloc(0),
      PNG_SIG,
      b(PNG_SIG.subarray(0, 7), [0], IHDR, IDAT, IEND), // bad signature
      b(PNG_SIG, GAMA, IHDR, IDAT, IEND), // IHDR not first
      b(PNG_SIG, IHDR, IHDR, IDAT, IEND), // second IHDR
      b(PNG_SIG, chunk('IHDR', Buffer.alloc(12)), IDAT, IEND), // wrong IHDR size
      b(PNG_SIG, IHDR, IDAT), // no IEND
      b(PNG_SIG, IHDR, IEND), // no IDAT
      b(PNG_SIG, IHDR, chunk('ID4T', b('x')), IDAT, IEND), // invalid chunk type
      b(PNG_SIG, IHDR, b(u32be(0x80000000), 'tEXt'), IDAT, IEND), // length out of range
      b(PNG_SIG, IHDR, b(u32be(1000), 'tEXt', 'kort'), IEND), // chunk past the end
      b(PNG_SIG, IHDR, IDAT, u32be(10), 'IEND', u32be(0)), // last chunk claims more data than present
      CLEAN_PNG.subarray(0, CLEAN_PNG.length - 1),
    ];
    for (const c of cases) expectMalformed(() => stripImageMetadata(c, 'image/png'), 'PNG');
  });
});

// ------------------------------------------------------------------ WebP

const riffChunk = (fourcc: string, data: Buffer): Buffer => b(fourcc, u32le(data.length), data, data.length % 2 ? [0] : []);
const riff = (...chunks: Buffer[]): Buffer => { const body = Buffer.concat(chunks); return b('RIFF', u32le(body.length + 4), 'WEBP', body); };
const VP8X_FLAGS_ALL = 0x20 | 0x10 | 0x08 | 0x04; // ICC, alpha, EXIF, XMP
const vp8x = (flags: number): Buffer => riffChunk('VP8X', b([flags, 0, 0, 0], [0, 0, 0], [0, 0, 0])); // 1×1 canvas
const VP8L = riffChunk('VP8L', b([0x2f, 0, 0, 0, 0x10], [0x07, 0x00])); // 7 bytes: odd size, padded
const ICCP = riffChunk('ICCP', b('profiel'));
const DIRTY_WEBP = riff(vp8x(VP8X_FLAGS_ALL), ICCP, VP8L, riffChunk('EXIF', b('MM\0*', 'GEHEIM-GPS-52.1234')), riffChunk('XMP ', b('<x:xmpmeta>http://ns.adobe.com/xap/1.0/ GEHEIM-XMP-AUTEUR</x:xmpmeta>')), riffChunk('GEHM', b('GEHEIM-ONBEKEND')));

function webpChunks(buf: Buffer): string[] {
  const list: string[] = [];
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  for (let pos = 12; pos < buf.length;) {
    const size = buf.readUInt32LE(pos + 4);
    list.push(buf.toString('latin1', pos, pos + 4));
    pos += 8 + size + (size % 2);
  }
  return list;
}

describe('stripImageMetadata — WebP', () => {
  it('removes EXIF, XMP and unknown chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const out = stripImageMetadata(Buffer.concat([DIRTY_WEBP, b('GEHEIM-NA-EINDE')]), 'image/webp');
    expectNoSecrets(out);
    expect(webpChunks(out)).toEqual(['VP8X', 'ICCP', 'VP8L']);
    expect(out[20]).toBe(0x20 | 0x10); // ICC and alpha flags untouched
    expect(out).toEqual(riff(vp8x(0x30), ICCP, VP8L));
    expect(detectFileType(out)?.mime).toBe('image/webp');
  });
  it('leaves a simple lossless file unchanged and is idempotent', () => {
    const simple = riff(VP8L);
    expect(stripImageMetadata(simple, 'image/webp')).toEqual(simple);
    const once = stripImageMetadata(DIRTY_WEBP, 'image/webp');
    expect(stripImageMetadata(once, 'image/webp')).toEqual(once);
  });
  it('tolerates a missing pad byte after the last chunk', () => {
    const unpadded = b('RIFF', u32le(4 + 8 + 7), 'WEBP', VP8L.subarray(0, 15));
    expect(stripImageMetadata(unpadded, 'image/webp')).toEqual(riff(VP8L));
  });
  it('rejects malformed WebP files with MalformedImageError', () => {
    const cases: Buffer[] = [
      Buffer.alloc(0),
      b('RIFF', u32le(4), 'WEBP'), // no chunks
      b('RIFF', u32le(0), 'WEBP'),
      b('RIFF', u32le(100), 'WEBP', VP8L), // RIFF size past the end
      b('RIFF', u32le(4 + VP8L.length), 'WAVE', VP8L),
      riff(ICCP, VP8L), // first chunk must be VP8/VP8L/VP8X
      riff(riffChunk('VP8X', b([0, 0, 0, 0])), VP8L), // VP8X too short
      riff(b('VP8L', u32le(1000), [0x2f])), // chunk past the end
      riff(VP8L, b('EXI')), // truncated chunk header
    ];
    for (const c of cases) expectMalformed(() => stripImageMetadata(c, 'image/webp'), 'WebP');
  });
});

// ------------------------------------------------------------------ GIF

const GIF_HEADER = b('GIF89a', [1, 0, 1, 0], [0x80, 0, 0], [0, 0, 0, 0xff, 0xff, 0xff]); // 1×1, 2-colour table
/** Splits text into GIF data sub-blocks followed by the zero-length terminator. */
const subBlocks = (text: string): Buffer => {
  const parts: Buffer[] = [];
  for (let i = 0; i < text.length; i += 255) { const piece = b(text.slice(i, i + 255)); parts.push(b([piece.length]), piece); }
  return b(...parts, [0]);
};
const NETSCAPE = b([0x21, 0xff, 11], 'NETSCAPE2.0', [3, 1, 0, 0, 0]);
const GCE = b([0x21, 0xf9, 4, 0, 0, 0, 0, 0]);
const IMAGE = b([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0], [2, 2, 0x44, 0x01, 0]); // LZW: clear, 0, end
const GIF_COMMENT = b([0x21, 0xfe], subBlocks('GEHEIM-COMMENTAAR'));
const GIF_XMP = b([0x21, 0xff, 11], 'XMP DataXMP', subBlocks(`<x:xmpmeta>http://ns.adobe.com/xap/1.0/ GEHEIM-XMP-AUTEUR ${' '.repeat(300)}</x:xmpmeta>`));
const GIF_ICC = b([0x21, 0xff, 11], 'ICCRGBG1012', subBlocks('GEHEIM-ICC-TOESTEL'));
const GIF_UNKNOWN_EXT = b([0x21, 0x99], subBlocks('GEHEIM-ONBEKEND'));
const CLEAN_GIF = b(GIF_HEADER, NETSCAPE, GCE, IMAGE, [0x3b]);
const DIRTY_GIF = b(GIF_HEADER, GIF_COMMENT, NETSCAPE, GIF_XMP, GCE, GIF_ICC, IMAGE, GIF_UNKNOWN_EXT, GCE, IMAGE, GIF_COMMENT, [0x3b], 'GEHEIM-NA-EINDE');

describe('stripImageMetadata — GIF', () => {
  it('removes comments, XMP/ICC/unknown extensions and trailing data, keeps looping and frames', () => {
    const out = stripImageMetadata(DIRTY_GIF, 'image/gif');
    expectNoSecrets(out);
    expect(out).toEqual(b(GIF_HEADER, NETSCAPE, GCE, IMAGE, GCE, IMAGE, [0x3b]));
  });
  it('leaves a clean image unchanged, keeps ANIMEXTS and a local colour table, and is idempotent', () => {
    expect(stripImageMetadata(CLEAN_GIF, 'image/gif')).toEqual(CLEAN_GIF);
    const animexts = b([0x21, 0xff, 11], 'ANIMEXTS1.0', [3, 1, 0, 0, 0]);
    const local = b([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x80], [1, 2, 3, 4, 5, 6], [2, 2, 0x44, 0x01, 0]);
    const gif87 = b('GIF87a', [1, 0, 1, 0, 0, 0, 0], animexts, local, [0x3b]);
    expect(stripImageMetadata(gif87, 'image/gif')).toEqual(gif87);
    const once = stripImageMetadata(DIRTY_GIF, 'image/gif');
    expect(stripImageMetadata(once, 'image/gif')).toEqual(once);
  });
  it('rejects malformed GIFs with MalformedImageError', () => {
    const cases: Buffer[] = [
      Buffer.alloc(0),
      b('GIF89a'),
      GIF_HEADER.subarray(0, 15), // colour table cut off
      b(GIF_HEADER, [0x3b]), // no image
      b(GIF_HEADER, IMAGE), // no trailer
      b(GIF_HEADER, [0x21, 0xfe, 5, 0x41]), // sub-block past the end
      b(GIF_HEADER, [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x87], IMAGE, [0x3b]), // local colour table past the end
      b(GIF_HEADER, [0x00], IMAGE, [0x3b]), // unknown block
      b('GIF90a', [1, 0, 1, 0, 0, 0, 0], IMAGE, [0x3b]),
    ];
    for (const c of cases) expectMalformed(() => stripImageMetadata(c, 'image/gif'), 'GIF');
  });
});

// ------------------------------------------------------------------ PDF, dispatch and robustness

const VALID: [SniffedMime, Buffer][] = [
  ['image/jpeg', DIRTY_JPEG],
  ['image/png', DIRTY_PNG],
  ['image/webp', DIRTY_WEBP],
  ['image/gif', DIRTY_GIF],
];

describe('stripImageMetadata — general', () => {
  it('returns a PDF unchanged (not an image)', () => {
    const pdf = b('%PDF-1.7\n%GEHEIM-COMMENTAAR\n');
    expect(stripImageMetadata(pdf, 'application/pdf')).toBe(pdf);
  });
  it('rejects bytes that do not match the declared type', () => {
    expectMalformed(() => stripImageMetadata(CLEAN_PNG, 'image/jpeg'), 'JPEG');
    expectMalformed(() => stripImageMetadata(CLEAN_JPEG, 'image/png'), 'PNG');
    expectMalformed(() => stripImageMetadata(CLEAN_GIF, 'image/webp'), 'WebP');
    expectMalformed(() => stripImageMetadata(DIRTY_WEBP, 'image/gif'), 'GIF');
    expect(() => stripImageMetadata(CLEAN_PNG, 'image/tiff' as SniffedMime)).toThrow(MalformedImageError);
  });
  it('the built test images are detected as their own type', () => {
    for (const [mime, buf] of VALID) expect(detectFileType(buf)?.mime).toBe(mime);
  });
  it('only succeeds or throws MalformedImageError on arbitrary bytes', () => {
    const mimes = fc.constantFrom<SniffedMime>('image/jpeg', 'image/png', 'image/webp', 'image/gif');
    fc.assert(fc.property(mimes, fc.uint8Array({ maxLength: 300 }), (mime, bytes) => {
      tryStrip(Buffer.from(bytes), mime);
    }), { numRuns: 2000 });
  });
  it('only succeeds or throws MalformedImageError on arbitrary bytes behind a valid signature', () => {
    const prefixes: [SniffedMime, Buffer][] = [['image/jpeg', SOI], ['image/png', PNG_SIG], ['image/webp', b('RIFF', u32le(200), 'WEBP')], ['image/gif', GIF_HEADER]];
    fc.assert(fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }), ([mime, prefix], bytes) => {
      tryStrip(Buffer.concat([prefix, Buffer.from(bytes)]), mime);
    }), { numRuns: 2000 });
  });
  for (const [mime, valid] of VALID) {
    it(`only succeeds or throws MalformedImageError on mutated ${mime}; successes are stable`, () => {
      let successes = 0;
      fc.assert(fc.property(mutated(valid), (buf) => {
        const out = tryStrip(buf, mime);
        if (out === null) return;
        successes++;
        expect(stripImageMetadata(out, mime)).toEqual(out);
      }), { numRuns: 1500 });
      expect(successes).toBeGreaterThan(0);
    });
  }
});
