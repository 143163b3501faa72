// The io, exit codes and error reporting `em` shares with `em-eval` live in @em/cli-kit.
export { type Io, type OutStream, print, printJson, processIo } from '@em/cli-kit';
