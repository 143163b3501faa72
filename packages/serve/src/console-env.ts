import type { Identity } from './security/identify.js';

/** Per-request values the middleware sets for the routes. */
export type ConsoleEnv = {
  Variables: {
    identity: Identity;
    /** A page form's fields (parsed once by the CSRF check). */
    form: Record<string, string | File>;
  };
};
