-- Audit trail of human review: who decided what, when, and what the row said before.
-- after_ciq_id NULL means "no match in the reference".
-- before_row: the whole gold row before the entry, as JSON, so undo restores it exactly.
-- undoes: set on an undo entry, the decision_id it reverts (an undo never deletes a row).
-- Both were added after the first release; databases made before get them from
-- sql/migrations/001_review_audit_columns.sql, not from this file.
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
  before_row STRING COMMENT 'The gold row before this entry, as JSON',
  undoes STRING COMMENT 'decision_id this undo entry reverts',
  CONSTRAINT pk_review_decisions PRIMARY KEY (decision_id)
) USING DELTA;
