// SPDX-License-Identifier: EUPL-1.2
// Tables of the job runner and the mail outbox (migration 20261202T0800_create_jobs_mail).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in with the job runner
export interface JobsMailTables {}
