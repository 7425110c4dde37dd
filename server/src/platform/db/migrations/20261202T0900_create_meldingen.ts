// SPDX-License-Identifier: EUPL-1.2
// Forward-only. Never edit this file once merged: add a new migration instead.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against the schema as it was, not the current DB type
export async function up(_db: Kysely<any>): Promise<void> {
  // filled in with the meldingen module
}
