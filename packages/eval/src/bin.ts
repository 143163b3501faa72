#!/usr/bin/env node
import { processIo } from '@em/cli-kit';
import { emEvalMain } from './cli/main.js';

process.exitCode = await emEvalMain(process.argv.slice(2), processIo());
