/**
 * Exit codes of every em command line (`em`, `em-eval`); scripts rely on them, so they never
 * change meaning. The code says who must act.
 */
export const EXIT = {
  ok: 0,
  /** An unexpected failure inside em (a bug, a broken install, a crashed engine): report it. */
  internal: 1,
  /** Input the user can fix: a bad file, flag, argument or config value. */
  input: 2,
  /** An evaluation gate (`--fail-under`) or an alert failed: the data, not the tool, needs attention. */
  gate: 3,
  /** The database is busy: another process holds it (retry later, or pass --wait SECONDS). */
  busy: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
