// SPDX-License-Identifier: EUPL-1.2
// Test helpers for the meldpunt: solve the proof-of-work and submit like a browser would.
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { solveChallenge, type AltchaChallenge } from '../src/platform/http/pow.js';
import type { TestPlatform } from './helpers.js';

export const WIJCHEN_OVERLAST = {
  categorie: 'personen.jeugdoverlast',
  omschrijving: 'Elke avond een groep jongeren bij het winkelcentrum die scooters laat rondscheuren.',
  antwoorden: { acuut: 'nee', hoe_vaak: 'vaak' },
  locatie: { postcode: '6602 ZR', huisnummer: 1 },
};

export const DRUTEN_ONDERMIJNING = {
  categorie: 'drugs-productie.hennepteelt',
  omschrijving: 'Uit de loods achter de boerderij komt een sterke hennepgeur en de ramen zijn afgeplakt.',
  antwoorden: { acuut: 'nee', signalen: ['geur', 'ramen'] },
  locatie: { postcode: '6651 AA', huisnummer: 12 },
};

export async function solvedAltcha(t: TestPlatform, headers: Record<string, string> = {}): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/meldingen/uitdaging', headers });
  if (res.statusCode !== 200) throw new Error(`uitdaging ${res.statusCode}: ${res.body}`);
  return solveChallenge(res.json() as AltchaChallenge).payload;
}

export async function submitMelding(t: TestPlatform, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const altcha = await solvedAltcha(t, headers);
  return t.app.inject({ method: 'POST', url: '/api/v1/meldingen', headers, payload: { ...body, altcha } });
}

/** multipart/form-data body by hand (the test must control every byte). */
export function multipart(fields: Record<string, string>, files: Array<{ name: string; filename: string; type: string; data: Buffer }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kp${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One PNG chunk (length, type, data, CRC-32). */
export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let c = ~0;
  for (const b of body) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(~c >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A minimal valid 1×1 PNG. */
export function tinyPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0, 255]))), pngChunk('IEND', Buffer.alloc(0))]);
}
