/**
 * The keys of every data problem (src/data/problems.ts and the readers that find them), so each
 * catalogue's `problems` table must have a sentence for each: the type check fails on a missing one.
 */
import type { GENERAL_PROBLEMS } from '../data/problems.ts';
import type { GEOJSON_PROBLEMS } from '../data/validate.ts';
import type { CSV_PROBLEMS } from '../data/csv.ts';
import type { EVENT_PROBLEMS } from '../data/events.ts';
import type { FETCH_PROBLEMS } from '../data/fetch-json.ts';
import type { LIMIT_PROBLEMS } from '../data/limits.ts';
import type { CONTENT_PROBLEMS } from '../data/content-i18n.ts';

export type ProblemKey =
  | keyof typeof GENERAL_PROBLEMS
  | keyof typeof GEOJSON_PROBLEMS
  | keyof typeof CSV_PROBLEMS
  | keyof typeof EVENT_PROBLEMS
  | keyof typeof FETCH_PROBLEMS
  | keyof typeof LIMIT_PROBLEMS
  | keyof typeof CONTENT_PROBLEMS;

export type ProblemTable = Readonly<Record<ProblemKey, string>>;
