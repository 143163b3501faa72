import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Path of a file in test/fixtures. */
export const fixture = (name: string): string => join(here, 'fixtures', name);
