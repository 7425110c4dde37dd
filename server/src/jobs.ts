// SPDX-License-Identifier: EUPL-1.2
// The scheduled jobs of this application, in one explicit list (used by `knooppunt serve` and
// `knooppunt taak <naam>`). A module adds its job here: `fooJob(deps)` returning a JobDefinition.
import type { PlatformDeps } from './platform/deps.js';
import type { JobDefinition } from './platform/jobs/runner.js';
import { mailJob } from './platform/mail/mailer.js';
import { reactionTimerJob, retentionJob } from './modules/meldingen/retention.js';

export function allJobs(_deps: PlatformDeps): JobDefinition[] {
  return [
    mailJob(),
    retentionJob(),
    reactionTimerJob(),
  ];
}
