import { REFERENCE_COLUMNS, SOURCE_COLUMNS } from '@em/core';

export type EntityKind = 'reference' | 'source';

/** The columns an input file may carry for each kind, and which ones it must. */
export interface EntityColumns {
  readonly kind: EntityKind;
  /** Every known column, in the order an expected header lists them. */
  readonly all: readonly string[];
  readonly required: readonly string[];
  /** Columns that identify a row; duplicates are decided on these. */
  readonly key: readonly string[];
  readonly table: string;
  readonly silverTable: string;
}

const REFERENCE_INPUT: EntityColumns = {
  kind: 'reference',
  all: [...REFERENCE_COLUMNS, 'last_updated'],
  required: ['ciq_id', 'company_name'],
  key: ['ciq_id'],
  table: 'bronze.reference_entities',
  silverTable: 'silver.normalized_reference',
};

const SOURCE_INPUT: EntityColumns = {
  kind: 'source',
  all: SOURCE_COLUMNS,
  required: ['source_id', 'source_system', 'company_name'],
  key: ['source_id', 'source_system'],
  table: 'bronze.source_entities',
  silverTable: 'silver.normalized_entities',
};

export const columnsFor = (kind: EntityKind): EntityColumns =>
  kind === 'reference' ? REFERENCE_INPUT : SOURCE_INPUT;
