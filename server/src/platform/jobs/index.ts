// SPDX-License-Identifier: EUPL-1.2
// Starting the scheduled jobs of this process: the platform's own jobs (mail) plus the modules'.
import os from 'node:os';
import crypto from 'node:crypto';
import type { PlatformDeps } from '../deps.js';
import { mailJob } from '../mail/mailer.js';
import { createJobRunner, type JobDefinition, type JobRunner } from './runner.js';

export { createJobRunner, type JobDefinition, type JobRunner, type JobContext, type JobResult, type JobSchedule } from './runner.js';

/** Jobs every installation runs. */
export function platformJobs(): JobDefinition[] {
  return [mailJob()];
}

/** Identifies this process in `taakuitvoeringen.instantie`. */
export function instanceId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * The given jobs plus the platform jobs (mail) that the list does not already contain by name.
 * Duplicate names within `jobs` are refused by the runner.
 */
export function withPlatformJobs(jobs: JobDefinition[]): JobDefinition[] {
  const names = new Set(jobs.map((j) => j.name));
  return [...platformJobs().filter((j) => !names.has(j.name)), ...jobs];
}

/** Creates and starts the runner for this process; stop it with `await runner.stop()` on shutdown. */
export function startJobs(deps: PlatformDeps, extraJobs: JobDefinition[], opts: { tickMs?: number } = {}): JobRunner {
  const runner = createJobRunner(deps, withPlatformJobs(extraJobs), { instanceId: instanceId(), ...opts });
  runner.start();
  return runner;
}
