/// <reference lib="dom" />
// The element, its event and the `Widget` class are the browser's; Node projects
// typing only `evaluate` and `Session` get the DOM's declarations with them.

/** A language of the widget and of explanations. */
export type Lang = 'fr' | 'en';

/** An answer: booleans for yes/no, option ids for choices, numbers or decimal strings
 * for whole numbers and money (`"15000.50"` keeps every digit; a string is read as JSON
 * writes a number, so `"15.000"` is fifteen and `"15 000"` throws); `"unknown"` for any
 * question is "I don't know" (not asked again); null means not reached yet. */
export type Answer = boolean | number | string | null | undefined;

export interface Options {
  lang?: Lang;
  /** The day the programmes' windows are read on, `YYYY-MM-DD`; the visitor's today by default. */
  today?: string;
}

/** Decimal strings; `max` is null when nothing bounds the amount yet (a sum per unit
 * whose units are not known). */
export interface AmountReport {
  currency: string;
  min: string;
  max: string | null;
}

/** What an eligible visitor would get: money, or a place (a mentoring place…). */
export type BenefitReport =
  | ({ kind: 'money'; operator_decides: boolean } & AmountReport)
  | { kind: 'place'; what: string; starts: string[] };

/** Another answer to one question and what it would give. Yes/no and choice questions
 * give `answer`; numbers the range of answers between the bounds present (numbers for
 * whole-number questions, decimal strings for money; a bound missing is one nothing
 * sets within the question's own bounds). */
export interface Change {
  question: string;
  answer?: boolean | string;
  at_least?: number | string;
  more_than?: number | string;
  at_most?: number | string;
  less_than?: number | string;
  /** `undetermined` only from a not eligible verdict: the questions not asked could then make it a yes. */
  status: 'eligible' | 'not_eligible' | 'undetermined';
  benefit: BenefitReport | null;
  /** The change in a sentence, in the language asked: the question, the answer, the verdict. */
  explanation: string;
}

/** The same object `eligibility eval` prints, and the `detail` of `eligibility-result`. */
export interface EvaluationReport {
  programme: string;
  /** The rules' verdict on the answers, whatever the day. */
  status: 'eligible' | 'not_eligible' | 'undetermined';
  /** The money benefit; null when not eligible or when the benefit is not money. */
  amount: AmountReport | null;
  /** The benefit in general, money or a place; null when not eligible. */
  benefit: BenefitReport | null;
  /** The next question worth asking for this programme, or null when no answer can change anything. */
  next_question: string | null;
  /** When applications are taken, and their state on the day evaluated. */
  window: {
    opens: string | null;
    closes: string | null;
    state: 'upcoming' | 'open' | 'closed' | 'unconfirmed';
  };
  /** The questions answered "unknown" whose answers could still change the verdict or the benefit. */
  depends_on: string[];
  /** The criteria, with `country` first when the form routes by country or was told it. */
  criteria: Array<{ id: string; status: 'met' | 'not_met' | 'unknown'; explanation: string }>;
  /** Once nothing is left to ask: the nearest other answers, one question at a time,
   * that would give another final verdict or another benefit, or make a no possibly a yes.
   * From `evaluate()`, made when first read (it evaluates the programme again for each
   * answer it tries), for the answers and language of that call; then an ordinary,
   * writable property. It is in JSON, spreads, `structuredClone` and deep comparisons
   * like any other, and reads the same through a Proxy or from a frozen report. */
  changes: Change[];
  /** For an eligible visitor: what to have ready, per criterion, as a source says it. */
  before_applying: Array<{
    criterion: string;
    text: string;
    source: { title: string; publisher: string; date: string; url: string | null };
  }>;
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
  /** The country of its workers, lower-case ISO 3166-1 (`fr`, `gb`). */
  country: string;
  operator: string;
  apply_url: string;
  version: string;
  hash: string;
}

/** Throws an Error naming the question and what was expected when an answer does not fit.
 * An array of programmes is one form: each question once, one result per programme. */
export function evaluate(programme: string, answers: Record<string, Answer>, options?: Options): EvaluationReport;
export function evaluate(programmes: string[], answers: Record<string, Answer>, options?: Options): EvaluationReport[];
export function evaluate(programmes: string | string[], answers: Record<string, Answer>, options?: Options): EvaluationReport | EvaluationReport[];
/** The id of the question the form asks next (`country` first when its programmes span
 * several countries), or null when no answer can change any verdict or benefit. */
export function nextQuestion(programmes: string | string[], answers: Record<string, Answer>): string | null;
export function questions(programmes: string | string[], options?: Options): Question[];
export function programmes(options?: Options): Programme[];

/** The rules' verdict, the same words as `EvaluationReport.status`. */
export type Status = 'eligible' | 'not_eligible' | 'undetermined';

/**
 * A programme, or a form of several, kept compiled with the answers given so far, that
 * takes answers one at a time: for a page that asks its own questions and wants each
 * verdict at once. Questions and programmes are named by their index (`question(id)`;
 * programmes in the order given), so that numbers cross into WebAssembly, not strings.
 * Each programme's outcome is kept, and evaluated again only when an answer it reads
 * changed; reports (with the explanations) are made only when asked for.
 *
 * Answers are read and refused exactly as `evaluate` reads and refuses them, with the
 * same `Error` messages naming the question; a refused answer leaves the session as it
 * was. Call `free()` when done: the session's memory is WebAssembly's.
 *
 * ```js
 * const session = new Session('netflix-audiens-2020', { lang: 'en' });
 * const days = session.question('days_worked');
 * session.set(days, 12);
 * session.answer('profession', 'artist');
 * session.status();                            // 'undetermined'
 * session.questionId(session.nextQuestion());  // 'rights_not_renewed_since_2020'
 * session.report();                            // what evaluate() gives for these answers
 * ```
 */
export class Session {
  /** Throws as `evaluate` does for unknown programmes, languages or days. */
  constructor(programmes: string | string[], options?: Options);
  /** The index of a question of the form (`country` included); throws, naming it, for a
   * question that none of the programmes reads. */
  question(id: string): number;
  /** The id of the question at `index`, or null (for -1, say). */
  questionId(index: number): string | null;
  /** Sets the answer to the question at `index`; null or undefined clears it. */
  set(index: number, value: Answer): void;
  /** `set(question(id), value)`. */
  answer(id: string, value: Answer): void;
  clear(index: number): void;
  /** The verdict of the programme at `programme` (0, the first, by default). */
  status(programme?: number): Status;
  /** The index of the question the form asks next, or -1 when no answer can change any
   * verdict or benefit (as `nextQuestion`). */
  nextQuestion(): number;
  /** The report of one programme, the same object `evaluate` gives for these answers. */
  report(programme?: number): EvaluationReport;
  /** One report per programme, in the order given. */
  reports(): EvaluationReport[];
  /** Frees the session's WebAssembly memory; it cannot be used after: its calls that reach the engine
   * throw, saying so (`question` and `questionId` still answer from what the module keeps). */
  free(): void;
}

/** The class behind `<eligibility-widget>`; the element script uses it, pages need not. */
export class Widget {
  /**
   * `kept`: what `keep()` of a widget freed earlier returned, to answer again; anything else is nothing kept.
   * `need` and `sheet` are the element script's, for the engine it loads (built without the programmes' texts
   * and the loader's part of the styles): `need(name)` fetches what the widget asks for (`fr`, `en`: the texts of a
   * language; `sources.fr`, `sources.en`: its sources, once the visitor acts), gives them, then calls
   * `refresh()`, or `unavailable(name)` if they cannot come; `sheet` is the stylesheet of the
   * loader's part of the widget's styles. The JS API's engine has both built in and needs neither.
   */
  constructor(host: HTMLElement, kept?: unknown, need?: (name: 'fr' | 'en' | 'sources.fr' | 'sources.en') => void, sheet?: CSSStyleSheet);
  /** Reads the attributes again; shows a language asked for, once its texts are given. */
  refresh(): void;
  /** What `need` asked for by `name` could not come: the widget says so and stays as it is (in its language, or "Sources and rules" saying they could not come). */
  unavailable(name: 'fr' | 'en' | 'sources.fr' | 'sources.en'): void;
  /** What the visitor answered, as `[question id, typed or chosen text ("unknown" for "I don't know"), chosen reading or null]` lists. */
  keep(): Array<[string, string, string | null]>;
  /** Whether it is at work: asked when no call of it is under way, `true` means an exception thrown through it left it stuck. */
  busy(): boolean;
  free(): void;
}

/** `<eligibility-widget programme="id …" lang="fr|en" loading="lazy|eager" features="-print -copy -share">`:
 * one form for the programmes named; `features` turns off the print, copy and share buttons. */
export interface EligibilityWidgetElement extends HTMLElement {}

/** `eligibility-result` bubbles out of the shadow root (`composed`): a listener on the
 * element, an ancestor, `document` or `window` gets it typed. */
declare global {
  interface HTMLElementTagNameMap {
    'eligibility-widget': EligibilityWidgetElement;
  }
  interface HTMLElementEventMap {
    'eligibility-result': CustomEvent<EvaluationReport>;
  }
  interface DocumentEventMap {
    'eligibility-result': CustomEvent<EvaluationReport>;
  }
  interface WindowEventMap {
    'eligibility-result': CustomEvent<EvaluationReport>;
  }
}
