// SPDX-License-Identifier: EUPL-1.2
import { nl } from './nl.js';
import type { MessageKey } from './nl.js';

export type { MessageKey };

export type MessageParams = Record<string, string | number>;

const catalog: Record<MessageKey, string> = nl;

/** Vertaal een sleutel uit de catalogus; `{naam}` wordt vervangen door params.naam. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = catalog[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** Vertaal een dynamische sleutel (bijv. rol- of soortcode); valt terug op de ruwe waarde. */
export function tMaybe(key: string, fallback: string): string {
  return Object.hasOwn(catalog, key) ? catalog[key as MessageKey] : fallback;
}
