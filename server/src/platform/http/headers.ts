// SPDX-License-Identifier: EUPL-1.2
import type { FastifyInstance } from 'fastify';

export const API_VERSION = '1.0.0';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response (NL API Design Rules API-50/57, BIO). */
export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('API-Version', API_VERSION);
    reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    const path = request.url;
    // The public meldpunt pages (/melden, /melden/…) are never stored by a browser or proxy either.
    const meldpuntPage = /^\/melden(?:[/?#]|$)/.test(path);
    if (path.startsWith('/api/') || path.startsWith('/open311/') || path === '/healthz' || path === '/readyz' || meldpuntPage || !reply.getHeader('Cache-Control')) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
