/** Exit codes of `em-eval` (the same as `em`'s): scripts rely on them. */
export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug, a broken install). */
  internal: 1,
  /** Input the user can fix: a bad file, flag or value. */
  input: 2,
  /** A `--fail-under` gate failed. */
  gate: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
