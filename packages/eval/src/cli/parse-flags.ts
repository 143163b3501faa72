import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '@em/cli-kit';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'];

/** Parse flags with node:util parseArgs (strict, no positionals); its errors become UsageErrors (exit 2). */
export function parseFlags<const T extends Options>(args: readonly string[], options: T): Values<T> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values as Values<T>;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
