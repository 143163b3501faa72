import type { Io } from './io.js';

/** The settings `--engine databricks` reads, shown under `em run -h` and `em init -h`. */
export const DATABRICKS_ENV_HELP = `With --engine databricks the cascade runs in your workspace (--db is not used).
It reads these environment variables; a missing one stops the run with exit 2 and names it:
  DATABRICKS_HOST          workspace URL, e.g. https://dbc-1234abcd.cloud.databricks.com
  DATABRICKS_TOKEN         personal access token, or else
  DATABRICKS_CLIENT_ID     a service principal (OAuth machine-to-machine)
  DATABRICKS_CLIENT_SECRET   with its secret (a token and a client id/secret together is an
                           error unless DATABRICKS_AUTH_TYPE=pat or oauth-m2m picks one)
  DATABRICKS_CONFIG_PROFILE  or take host and credentials from this ~/.databrickscfg profile
                           ([DEFAULT] when nothing else is set; DATABRICKS_CONFIG_FILE moves the file)
  DATABRICKS_WAREHOUSE_ID  SQL warehouse id (Statement Execution API), or else
  DATABRICKS_HTTP_PATH     warehouse HTTP path, e.g. /sql/1.0/warehouses/abc123
  EM_CATALOG               Unity Catalog catalog (default entity_matching)
  EM_VECTOR_SEARCH_INDEX   stage 2 index (default <catalog>.models.reference_index)
  EM_SERVING_ENDPOINT      stage 3 Ditto model endpoint (default em-ditto)
  EM_FOUNDATION_MODEL      stage 4 LLM (default databricks-meta-llama-3-3-70b-instruct)
`;

/** Where the run wrote, for the closing hint. */
export const databricksGoldTable = (io: Io): string =>
  `${io.env.EM_CATALOG?.trim() || 'entity_matching'}.gold.matched_entities`;
