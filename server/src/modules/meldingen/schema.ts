// SPDX-License-Identifier: EUPL-1.2
// Tables of the meldingen module (migration 20261202T0900_create_meldingen).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in with the module
export interface MeldingenTables {}
