// SPDX-License-Identifier: EUPL-1.2
// Browser solver for the self-hosted ALTCHA v1 proof-of-work (see server/src/platform/http/pow.ts).

export interface AltchaChallengeInput {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** Tries per batch; after each batch the solver yields to the event loop so the page stays responsive. */
const BATCH_SIZE = 1000;

function toHex(digest: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('Het oplossen is afgebroken.', 'AbortError');
}

/**
 * Finds the number n with SHA-256(salt + n) === challenge and returns the base64 JSON payload the
 * server expects ({ algorithm, challenge, number, salt, signature, took }).
 */
export async function solveAltcha(ch: AltchaChallengeInput, signal?: AbortSignal): Promise<string> {
  if (ch.algorithm !== 'SHA-256') throw new Error('Dit controle-algoritme wordt niet ondersteund.');
  const target = ch.challenge.toLowerCase();
  const encoder = new TextEncoder();
  const started = performance.now();
  for (let start = 0; start <= ch.maxnumber; start += BATCH_SIZE) {
    throwIfAborted(signal);
    const end = Math.min(start + BATCH_SIZE - 1, ch.maxnumber);
    const candidates: Promise<ArrayBuffer>[] = [];
    for (let n = start; n <= end; n++) candidates.push(crypto.subtle.digest('SHA-256', encoder.encode(ch.salt + String(n))));
    const digests = await Promise.all(candidates);
    for (let i = 0; i < digests.length; i++) {
      const digest = digests[i];
      if (digest && toHex(digest) === target) {
        const solution = {
          algorithm: ch.algorithm,
          challenge: ch.challenge,
          number: start + i,
          salt: ch.salt,
          signature: ch.signature,
          took: Math.round(performance.now() - started),
        };
        // The JSON is ASCII only (hex, digits and the salt's query syntax), so btoa is safe.
        return btoa(JSON.stringify(solution));
      }
    }
    await yieldToEventLoop();
  }
  throw new Error('De controle kon niet worden voltooid. Vernieuw de pagina en probeer het opnieuw.');
}
