-- core's nameSimilarity (the identifier-trust check) for each (source name, reference name) pair
-- that an identifier hit brings together. Written by em when it refreshes silver; read by the
-- set-based cascade (cascade/<target>/05_identifier_routes.sql), because no SQL function computes
-- it identically. A pair's similarity never changes, so each is computed once.
CREATE TABLE IF NOT EXISTS entity_matching.silver.name_pair_similarity (
  source_name STRING NOT NULL,
  reference_name STRING NOT NULL,
  name_similarity DOUBLE NOT NULL,
  CONSTRAINT pk_name_pair_similarity PRIMARY KEY (source_name, reference_name)
) USING DELTA;
