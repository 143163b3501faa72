/** What `em` prints when Ctrl-C (SIGINT) or SIGTERM stops it, then exits 130 / 143 as shells expect. */
export function interruptMessage(signal: 'SIGINT' | 'SIGTERM', command: string): string {
  const what = signal === 'SIGINT' ? 'interrupted (Ctrl-C)' : 'stopped (SIGTERM)';
  return (
    `em: ${command} ${what}. Work already committed is kept and nothing is half-written: ` +
    'rerun the same command to continue (`em run` picks up where a run stopped).\n'
  );
}

/** Print the message and exit on SIGINT / SIGTERM (the database files are closed by the OS; DuckDB recovers from its WAL). */
export function exitOnInterrupt(
  command: string,
  stderr: { write(text: string): unknown } = process.stderr,
): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      stderr.write(interruptMessage(signal, command));
      process.exit(code);
    });
  }
}
