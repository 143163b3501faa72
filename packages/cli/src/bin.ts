#!/usr/bin/env node
import { exitOnInterrupt } from './interrupt.js';
import { runCli } from './program.js';

exitOnInterrupt(['em', ...process.argv.slice(2, 4)].join(' '));
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// Exit explicitly (a library that leaves a handle open must not leave the shell waiting), but only
// once stdout and stderr are flushed: piped output is written asynchronously and would be cut.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
