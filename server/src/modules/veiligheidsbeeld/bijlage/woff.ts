// SPDX-License-Identifier: EUPL-1.2
// WOFF 1.0 → plain SFNT (TrueType/OpenType), once per process. pdfkit's font library can read WOFF
// itself, but inflates its tables with a pure-JavaScript zlib on every document it opens (most of
// the rendering time of the appendix); node's zlib does it once here, and each document then parses
// the uncompressed font lazily. Format: https://www.w3.org/TR/WOFF/ (header 44 bytes, a 20-byte
// directory entry per table, each table zlib-compressed unless compLength = origLength).
import zlib from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

interface Tabel {
  tag: number;
  checksum: number;
  data: Buffer;
}

export function woffNaarSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('Geen WOFF-bestand.');
  const flavor = woff.readUInt32BE(4);
  const aantal = woff.readUInt16BE(12);
  const tabellen: Tabel[] = [];
  for (let i = 0; i < aantal; i++) {
    const e = 44 + i * 20;
    const tag = woff.readUInt32BE(e);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const ruw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(ruw) : Buffer.from(ruw);
    if (data.length !== origLength) throw new Error(`WOFF-tabel ${i}: ${data.length} bytes na uitpakken, ${origLength} verwacht.`);
    tabellen.push({ tag, checksum, data });
  }
  // Table records sorted by tag (binary search in readers), data 4-byte aligned.
  tabellen.sort((a, b) => a.tag - b.tag);
  const kop = 12 + 16 * aantal;
  const lengte = tabellen.reduce((n, t) => n + ((t.data.length + 3) & ~3), kop);
  const uit = Buffer.alloc(lengte);
  const macht = 2 ** Math.floor(Math.log2(Math.max(1, aantal)));
  uit.writeUInt32BE(flavor, 0);
  uit.writeUInt16BE(aantal, 4);
  uit.writeUInt16BE(macht * 16, 6);
  uit.writeUInt16BE(Math.log2(macht), 8);
  uit.writeUInt16BE(aantal * 16 - macht * 16, 10);
  let pos = kop;
  tabellen.forEach((t, i) => {
    const r = 12 + 16 * i;
    uit.writeUInt32BE(t.tag, r);
    uit.writeUInt32BE(t.checksum, r + 4);
    uit.writeUInt32BE(pos, r + 8);
    uit.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(uit, pos);
    pos += (t.data.length + 3) & ~3;
  });
  return uit;
}
