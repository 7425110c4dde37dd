#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// Entry point of the `knooppunt` command: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/src/cli.ts');
await runCli(process.argv);
