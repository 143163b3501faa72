import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const NOTEBOOK_HEADER = '# Databricks notebook source';

export interface Notebook {
  /** Workspace name: the file name without .py. */
  readonly name: string;
  readonly file: string;
  readonly source: string;
}

/** Every `*.py` in the folder that starts with the Databricks source header, by name. */
export function readNotebooks(dir: string): Notebook[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.py'))
      .sort();
  } catch (cause) {
    throw new Error(`Cannot read the notebooks folder ${dir}`, { cause });
  }
  const notebooks = names
    .map((name) => ({
      name: name.slice(0, -3),
      file: path.join(dir, name),
      source: readFileSync(path.join(dir, name), 'utf8'),
    }))
    .filter((n) => n.source.startsWith(NOTEBOOK_HEADER));
  if (notebooks.length === 0)
    throw new Error(`${dir} holds no Databricks notebooks (*.py starting with "${NOTEBOOK_HEADER}").`);
  return notebooks;
}
