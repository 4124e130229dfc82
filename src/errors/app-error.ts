// Domain errors with stable codes. Services throw these; the edge (format-error.ts) decides what a
// client sees. Anything that is not an AppError is unexpected and gets masked.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INVALID_TRANSITION'
  | 'ENVELOPE_EXHAUSTED'
  | 'INCOMPLETE_APPLICATION'
  | 'CONFLICT_OF_INTEREST'
  | 'ORGANISATION_DISSOLVED'
  | 'REPORT_OVERDUE'
  | 'CONVENTION_REQUIRED'
  | 'RECOVERY_NOT_ORDERED'
  | 'RECOVERY_ALREADY_RECORDED'
  | 'PAYMENT_EXCEEDS_GRANT'
  | 'MULTI_YEAR_INVALID'
  | 'MULTI_YEAR_TOTAL_MISMATCH'
  | 'CONVENTION_YEAR_NOT_VOTED'
  | 'CONVENTION_YEAR_ALREADY_VOTED'
  | 'CONVENTION_YEAR_COMMITTED'
  | 'INTERIM_REPORT_MISSING'
  | 'ENVELOPE_WRONG_YEAR'
  | 'EMAIL_NOT_VERIFIED'
  | 'ORGANISATION_NOT_VERIFIED'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'FILE_TOO_LARGE'
  | 'QUOTA_EXCEEDED'
  | 'DOCUMENT_IN_USE'
  | 'MISSING_DOCUMENT'
  | 'INTERNAL_SERVER_ERROR';

/** One problem, pointing at the input field at fault when there is one. */
export interface FieldProblem {
  code: ErrorCode;
  message: string;
  field?: string | null;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  /** Further problems reported together with this one (e.g. everything missing from an application). */
  readonly details: FieldProblem[];
  /** Extra, safe data for the client (e.g. retryAfterSeconds). */
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { field?: string | null; details?: FieldProblem[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field ?? null;
    this.details = opts.details ?? [];
    this.extra = opts.extra ?? {};
  }

  /** HTTP status for errors raised before or outside GraphQL execution. */
  get httpStatus(): number | undefined {
    return HTTP_STATUS[this.code];
  }

  /** The problems as a payload's `errors` list: the details when there are some, else this one. */
  toProblems(): FieldProblem[] {
    if (this.details.length) return this.details;
    return [{ code: this.code, message: this.message, field: this.field }];
  }
}

export const unauthenticated = (message = 'You must be signed in to do this.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
export const notFound = (what: string, field: string | null = 'id') => new AppError('NOT_FOUND', `${what} not found.`, { field });
export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });

/** Collects validation problems so a caller learns everything wrong at once. */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string, code: ErrorCode = 'BAD_USER_INPUT'): this {
    this.list.push({ code, message, field });
    return this;
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  /** Throws one AppError carrying every problem; the first one names the error. */
  throwIfAny(code: ErrorCode = 'BAD_USER_INPUT', summary?: string): void {
    if (this.empty) return;
    const first = this.list[0]!;
    throw new AppError(code, summary ?? first.message, { field: first.field ?? null, details: this.list });
  }
}

/** Runs a lookup whose NOT_FOUND means "nothing to show": a query field that answers null instead. */
export async function nullIfNotFound<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}
