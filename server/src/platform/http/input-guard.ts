// SPDX-License-Identifier: EUPL-1.2
// PostgreSQL text cannot hold NUL bytes, and no legitimate input contains them: refuse them at the
// edge (path, query and JSON body) with a clear 400 instead of failing deep inside a query.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(k, path) ?? findNul(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

export function installInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) {
      throw new AppError('ONGELDIGE_INVOER', 'Het adres bevat een ongeldig teken (NUL).', [{ veld: 'url', melding: 'Ongeldig teken (NUL).' }]);
    }
  });
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.body, '');
    if (field) throw new AppError('ONGELDIGE_INVOER', 'Een of meer velden bevatten een ongeldig teken (NUL).', [{ veld: field, melding: 'Ongeldig teken (NUL).' }]);
  });
}
