// SPDX-License-Identifier: EUPL-1.2
// In-memory fixed-window rate limiter that keys clients by a per-window HMAC, never by the raw id.
import crypto from 'node:crypto';

export interface RateLimitOptions {
  /** Hits allowed per client per window. */
  limit: number;
  windowMs: number;
  /** Clock in milliseconds (injected for tests). */
  now: () => number;
  /** Upper bound on tracked clients; default 100 000. */
  maxEntries?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds (at least 1) until the current window ends. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(clientId: string): RateLimitDecision;
  /** Number of clients tracked in the current window. */
  size(): number;
}

interface State {
  window: number;
  key: Buffer;
  counts: Map<string, number>;
}

const states = new WeakMap<RateLimiter, State>();

/**
 * Design:
 * - Fixed windows of `windowMs`. Each window gets a fresh random HMAC key that exists only in memory;
 *   a client is tracked as HMAC-SHA256(key, clientId). When the window rolls over the key and all
 *   counters are discarded together, so entries of different windows cannot be linked to each other
 *   or to a client, and nothing stored ever contains the identifier in clear.
 * - Because the key rotates, there are never entries of an older window to evict: the whole map is
 *   dropped at rollover. Memory is bounded by `maxEntries`. When the map is full, clients that are
 *   already tracked are counted as usual, but a NEW client is denied until the window ends
 *   (retryAfterSeconds = rest of the window). This fails closed: an attacker cannot escape the limit
 *   by first flooding the table with fresh ids. The cost is that such a flood can lock out new
 *   legitimate clients for at most one window; size maxEntries well above normal traffic.
 */
export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const { limit, windowMs, now } = opts;
  const maxEntries = opts.maxEntries ?? 100_000;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit moet een positief geheel getal zijn');
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError('windowMs moet positief zijn');
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries moet een positief geheel getal zijn');

  const state: State = { window: Number.NaN, key: Buffer.alloc(0), counts: new Map() };

  function roll(t: number): number {
    const window = Math.floor(t / windowMs);
    // Any change (also a clock going backwards) starts a new, unlinkable window.
    if (window !== state.window) {
      state.window = window;
      state.key = crypto.randomBytes(32);
      state.counts = new Map();
    }
    return window;
  }

  const limiter: RateLimiter = {
    hit(clientId: string): RateLimitDecision {
      const t = now();
      // A broken clock must not disable the limiter (NaN would start a new window on every hit).
      if (!Number.isFinite(t)) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowMs / 1000)) };
      const window = roll(t);
      const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - t) / 1000));
      const id = crypto.createHmac('sha256', state.key).update(clientId, 'utf8').digest('base64url');
      const count = state.counts.get(id);
      if (count === undefined) {
        if (state.counts.size >= maxEntries) return { allowed: false, retryAfterSeconds };
        state.counts.set(id, 1);
        return { allowed: true, retryAfterSeconds: 0 };
      }
      if (count >= limit) return { allowed: false, retryAfterSeconds };
      state.counts.set(id, count + 1);
      return { allowed: true, retryAfterSeconds: 0 };
    },
    size(): number {
      const t = now();
      if (Number.isFinite(t)) roll(t);
      return state.counts.size;
    },
  };
  states.set(limiter, state);
  return limiter;
}

/** Test/debug view of the internal table: the stored keys and counts (never raw client ids). */
export function inspectRateLimiter(limiter: RateLimiter): { window: number; entries: [string, number][] } {
  const state = states.get(limiter);
  if (!state) throw new Error('Onbekende rate limiter');
  return { window: state.window, entries: [...state.counts.entries()] };
}
