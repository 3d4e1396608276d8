/**
 * What is wrong with a file, a feature or a row, as data a reader's language can be put on: a key,
 * the values to fill in, and the English sentence (for `Error.message`, logs and English maps).
 * Each module keeps its English sentences beside the code that finds the problem; the Urdu and
 * Persian sentences for every key are in the catalogues (src/i18n/{ur,fa}.ts, `problems`).
 * Pure: no DOM.
 */

/** A value in a problem's sentence: text as it is, a count or a list of row numbers (in the reader's digits), or a nested problem. */
export type ProblemValue = string | number | readonly number[] | Problem | readonly Problem[];

/**
 * Text from a file or URL (a name, a value) set apart inside a right-to-left sentence, so its own
 * direction cannot reorder the words around it (Unicode's first-strong isolate).
 */
export const isolate = (s: string): string => `\u2068${s}\u2069`;

export interface Problem {
  readonly key: string;
  readonly values: Readonly<Record<string, ProblemValue>>;
  /** The sentence in English. */
  readonly text: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** How a language writes the values of a problem's sentence. */
export interface ProblemWriting {
  number: (n: number) => string;
  /** Text from a file or URL. */
  text: (s: string) => string;
  /** Between the numbers of a list. */
  comma: string;
}

/** English's: counts grouped by thousands ("14,286"), text as it is. */
const ENGLISH: ProblemWriting = { number: (n) => n.toLocaleString('en-GB'), text: (s) => s, comma: ', ' };

/**
 * Fills in `sentence`'s `{placeholders}`: problems by `nested`, lists of them joined by spaces,
 * numbers and lists of numbers, and text, as `writing` says (English's unless told). A placeholder
 * without a value stays as written.
 */
export function fillProblem(sentence: string, values: Problem['values'], nested: (p: Problem) => string, writing: ProblemWriting = ENGLISH): string {
  return sentence.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value === 'string') return writing.text(value);
    if (typeof value === 'number') return writing.number(value);
    if (!Array.isArray(value)) return nested(value as Problem);
    return (value as readonly (number | Problem)[]).map((item) => (typeof item === 'number' ? writing.number(item) : nested(item))).join(typeof value[0] === 'number' ? writing.comma : ' ');
  });
}

/**
 * A maker of problems from one table of English sentences:
 * `const problem = problemsIn({ status: 'the server answered {status}' }); problem('status', { status: '404' })`.
 */
export function problemsIn<Key extends string>(english: Readonly<Record<Key, string>>) {
  return (key: Key, values: Problem['values'] = {}): Problem => ({ key, values, text: fillProblem(english[key], values, (p) => p.text) });
}

/**
 * Sentences for every reader of data: where a problem is (in which file, at which feature or row),
 * the count of those not listed, and the page's own layers (<strike-map-layer>).
 */
export const GENERAL_PROBLEMS = {
  inFile: '{file}: {problem}',
  atFeature: '{file}, feature {index}: {problem}',
  atRow: '{file}, row {index}: {problem}',
  atRows: '{file}, {count} rows ({rows}): {problem}',
  atRowsAndMore: '{file}, {count} rows ({rows}, …): {problem}',
  andMore: '… and {count} more problems.',
  inline: '{name} (inline)',
  inlineLayer: 'Inline layer',
  layerSkipped: '{name}: {count} feature(s) skipped, the others are shown.',
  noData: 'no src attribute and no <script type="application/geo+json"> child to read.',
  unexpected: '{message}',
} as const;
export const generalProblem = problemsIn(GENERAL_PROBLEMS);

/** A file's name, or a problem-style label such as "Inline layer" that is written in the reader's language. */
export type FileLabel = string | Problem;

/** A file or URL that cannot be used, and why. `message` is the English sentence, starting with the file. */
export class DataError extends Error {
  readonly problem: Problem;
  constructor(
    readonly file: FileLabel,
    /** The problem itself, before the file's name is put in front (to raise it again elsewhere, e.g. after a worker). */
    readonly why: Problem,
  ) {
    const problem = generalProblem('inFile', { file, problem: why });
    super(problem.text);
    this.name = 'DataError';
    this.problem = problem;
  }
}

/** Any error as a problem: a {@link DataError}'s own, or the error's message as it is. */
export function problemOf(error: unknown): Problem {
  return error instanceof DataError ? error.problem : generalProblem('unexpected', { message: error instanceof Error ? error.message : String(error) });
}
