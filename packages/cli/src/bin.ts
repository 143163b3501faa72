#!/usr/bin/env node
import { runCli } from './program.js';

// Exit explicitly: a library that leaves a handle open must not leave the shell waiting.
process.exit(await runCli(process.argv.slice(2)));
