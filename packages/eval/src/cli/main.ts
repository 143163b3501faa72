import type { ExitCode, Io } from '@em/cli-kit';
import { evalMain } from './eval-main.js';
import { pairsMain } from './pairs-main.js';

/** `em-eval …` or `em-eval pairs …` (argv without node and the script); resolves to the exit code. */
export function emEvalMain(args: readonly string[], io: Io): Promise<ExitCode> {
  return args[0] === 'pairs' ? pairsMain(args.slice(1), io) : evalMain(args, io);
}
