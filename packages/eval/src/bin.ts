#!/usr/bin/env node
import { processCliIo } from './cli/cli-io.js';
import { emEvalMain } from './cli/main.js';

process.exitCode = await emEvalMain(process.argv.slice(2), processCliIo());
