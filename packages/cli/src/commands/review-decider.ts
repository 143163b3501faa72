import { userInfo } from 'node:os';
import type { Io } from '../io.js';

/** Who decides when --by is not given: $USER, else the OS account name. */
export function defaultDecider(io: Io): string {
  if (io.env.USER) return io.env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
