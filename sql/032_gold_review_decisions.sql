-- Audit trail of human review: who decided what, when, and what the row said before.
-- after_ciq_id NULL means "no match in the reference".
CREATE TABLE IF NOT EXISTS entity_matching.gold.review_decisions (
  decision_id STRING NOT NULL,
  source_id STRING NOT NULL,
  source_system STRING NOT NULL,
  decided_by STRING NOT NULL,
  decided_at TIMESTAMP NOT NULL,
  before_ciq_id STRING,
  before_confidence DOUBLE,
  before_method STRING,
  after_ciq_id STRING,
  note STRING,
  CONSTRAINT pk_review_decisions PRIMARY KEY (decision_id)
) USING DELTA;
