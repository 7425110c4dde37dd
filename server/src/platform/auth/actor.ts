// SPDX-License-Identifier: EUPL-1.2
import type { ApiScope, Role } from './roles.js';

export interface UserActor {
  kind: 'gebruiker';
  userId: string;
  username: string;
  organisationId: string;
  organisationCode: string;
  /** Organisation kind; `samenwerkingsverband` administrators manage all organisations. */
  organisationKind: string;
  roles: readonly Role[];
  sessionId: string;
}

export interface ApiKeyActor {
  kind: 'api-sleutel';
  apiKeyId: string;
  name: string;
  organisationId: string;
  organisationCode: string;
  scopes: readonly ApiScope[];
}

/** Work done by the platform itself (jobs, CLI, first start). */
export interface SystemActor {
  kind: 'systeem';
  name: string;
}

export type Actor = UserActor | ApiKeyActor | SystemActor;

export const systemActor = (name: string): SystemActor => ({ kind: 'systeem', name });
