import { InputError } from '@em/core';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * A workspace URL that would send the token in clear text is refused: `http://` is allowed only
 * for a server on this machine (local test servers); every real workspace speaks https.
 */
export function refusePlainHttpHost(url: string): void {
  if (!/^http:\/\//i.test(url)) return;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    throw new InputError(
      `Databricks host ${url} is not a valid URL; use https://<workspace>.cloud.databricks.com.`,
    );
  }
  if (LOCAL_HOSTS.has(hostname)) return;
  throw new InputError(
    `Databricks host ${url} uses plain http://, which would send your token unencrypted. Use https://${url.slice('http://'.length)} (http:// is allowed only for localhost).`,
  );
}
