-- Version 1: the review audit keeps the whole gold row before each decision (before_row) and
-- undo entries name the decision they revert (undoes). Older entries keep NULL: they cannot be
-- undone, and say so.
ALTER TABLE entity_matching.gold.review_decisions
  ADD COLUMN before_row STRING COMMENT 'The gold row before this entry, as JSON';

ALTER TABLE entity_matching.gold.review_decisions
  ADD COLUMN undoes STRING COMMENT 'decision_id this undo entry reverts';
