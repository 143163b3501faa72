/** Environment variables as a library receives them: passed in by the caller, never read from the process. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One setting's sources, strongest first. */
export interface SettingSources<T> {
  /** A command-line flag or an SDK option. `null` means "explicitly off" and wins like any value. */
  readonly flag?: T | undefined;
  /** The environment variable's value; blank counts as unset. */
  readonly env?: string | undefined;
  /** The config file's value; `null` or absent counts as unset (the file's own default). */
  readonly file?: T | null | undefined;
}

const blankToUndefined = (text: string | undefined): string | undefined =>
  text === undefined || text.trim() === '' ? undefined : text.trim();

/**
 * The one precedence em applies to every setting, in the CLI and in both engines:
 * flag (or SDK option) > environment variable > config file > default.
 */
export function pickSetting<T extends string | null>(sources: SettingSources<T>, fallback: T): T {
  if (sources.flag !== undefined) return sources.flag;
  const fromEnv = blankToUndefined(sources.env);
  if (fromEnv !== undefined) return fromEnv as T;
  if (sources.file !== undefined && sources.file !== null) return sources.file;
  return fallback;
}
