/**
 * A real workspace for the contract suites, from the environment, or the reason there is none.
 * Needs DATABRICKS_HOST, credentials (DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID/SECRET), a warehouse
 * (DATABRICKS_WAREHOUSE_ID or DATABRICKS_HTTP_PATH) and EM_TEST_CATALOG, a scratch catalog the
 * suites may create tables in. The retriever suite also needs EM_TEST_VECTOR_SEARCH_INDEX (an
 * index over the contract reference), the scorer suite EM_TEST_SERVING_ENDPOINT.
 */
export function liveWorkspace(
  env: NodeJS.ProcessEnv = process.env,
): { ready: true } | { ready: false; reason: string } {
  const missing: string[] = [];
  if (!env.DATABRICKS_HOST) missing.push('DATABRICKS_HOST');
  if (!env.DATABRICKS_TOKEN && !(env.DATABRICKS_CLIENT_ID && env.DATABRICKS_CLIENT_SECRET)) {
    missing.push('DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET)');
  }
  if (!env.DATABRICKS_WAREHOUSE_ID && !env.DATABRICKS_HTTP_PATH)
    missing.push('DATABRICKS_WAREHOUSE_ID (or DATABRICKS_HTTP_PATH)');
  if (!env.EM_TEST_CATALOG) missing.push('EM_TEST_CATALOG');
  return missing.length === 0 ? { ready: true } : { ready: false, reason: `not set: ${missing.join(', ')}` };
}
