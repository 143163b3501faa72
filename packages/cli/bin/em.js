#!/usr/bin/env node
// The `em` command. Installed from the registry it runs the built dist/bin.js; in a clone of
// the repository (after `npm ci`, before any build) it runs the TypeScript sources through tsx.
import { launch } from '@em/cli-kit/launch';

await launch(import.meta.url, 'em');
