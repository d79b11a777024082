/** A language of the widget and of explanations. */
export type Lang = 'fr' | 'en';

/** An answer: booleans for yes/no, option ids for choices, numbers or decimal strings
 * for whole numbers and money (`"15000.50"` keeps every digit); null means unanswered. */
export type Answer = boolean | number | string | null | undefined;

export interface Options {
  lang?: Lang;
}

/** The same object `eligibility eval` prints, and the `detail` of `eligibility-result`. */
export interface EvaluationReport {
  programme: string;
  status: 'eligible' | 'not_eligible' | 'undetermined';
  /** What the amount can still be; null when not eligible. Decimal strings. */
  amount: { currency: string; min: string; max: string } | null;
  /** The next question worth asking, or null when no answer can change anything. */
  next_question: string | null;
  criteria: Array<{ id: string; status: 'met' | 'not_met' | 'unknown'; explanation: string }>;
  /** Which rules gave this verdict: the pack's version and the SHA-256 of its file. */
  pack: { version: string; hash: string };
}

/** The same list `eligibility questions --json` prints. */
export interface Question {
  id: string;
  type: 'yes_no' | 'choice' | 'integer' | 'money';
  options?: string[];
  /** A number for integer questions, a decimal string for money questions. */
  min?: number | string;
  max?: number | string;
  currency?: string;
  label: string;
}

export interface Programme {
  id: string;
  name: string;
  operator: string;
  apply_url: string;
  version: string;
  hash: string;
}

/** Throws an Error naming the question and what was expected when an answer does not fit. */
export function evaluate(programme: string, answers: Record<string, Answer>, options?: Options): EvaluationReport;
export function questions(programme: string, options?: Options): Question[];
export function programmes(options?: Options): Programme[];

/** The class behind `<eligibility-widget>`; the element script uses it, pages need not. */
export class Widget {
  constructor(host: HTMLElement);
  refresh(): void;
  free(): void;
}
