import { ValidationError } from './domain-error.js';

/**
 * Form-friendly input errors: every invalid field at once, each with its input path
 * (`input.penalties[1].amountYuan`). Checks of an input call `reportInvalid` instead of
 * throwing; inside `collectInputErrors` the error is noted and the check goes on with a
 * placeholder, so the caller gets all of them in one INPUT_INVALID refusal. Outside a
 * collection `reportInvalid` throws as before. Collection is synchronous by design (input
 * checks do no IO), so one module-level list cannot mix two requests.
 */

let collecting: ValidationError[] | undefined;

/** Notes the error when collecting (and returns the placeholder), else throws it. */
export function reportInvalid<T>(error: ValidationError, placeholder: T): T {
  if (!collecting) {
    throw error;
  }
  collecting.push(error);
  return placeholder;
}

/** `input.penalties[1].amountYuan` from `input.penalties.1.amountYuan` or from segments. */
export function inputPath(path: string | readonly (string | number)[]): string {
  const segments =
    typeof path === 'string' ? path.split('.').filter((s) => s !== '') : path.map(String);
  return segments.reduce(
    (joined, segment) =>
      /^\d+$/.test(segment) ? `${joined}[${segment}]` : joined ? `${joined}.${segment}` : segment,
    '',
  );
}

/** The field an error names, as a path under `root` (the argument the checked value came from). */
function rooted(error: ValidationError, root: string | undefined): ValidationError {
  const field = error.details.field;
  if (!root || typeof field !== 'string' || typeof error.details.inputPath === 'string') {
    return error;
  }
  const path = inputPath(field);
  const under = path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
  return error.at(under ? path : `${root}.${path}`);
}

/**
 * Runs synchronous input checks and throws every error they report at once: one error as
 * itself, several as INPUT_INVALID listing them. A failure after an error was reported is
 * taken as its consequence (a check went on with a placeholder) and dropped. Nested in
 * another collection, the errors join the outer one (which throws them all at its end).
 */
export function collectInputErrors<T>(root: string | undefined, run: () => T): T {
  const outer = collecting;
  const errors: ValidationError[] = [];
  collecting = errors;
  let result: T;
  try {
    result = run();
  } catch (error) {
    if (error instanceof ValidationError) {
      errors.push(...(error.inputErrors.length > 0 ? error.inputErrors : [error]));
    } else if (errors.length === 0) {
      throw error;
    }
  } finally {
    collecting = outer;
  }
  if (errors.length > 0) {
    const found = errors.map((e) => rooted(e, root));
    if (outer) {
      outer.push(...found);
      return result!;
    }
    throw ValidationError.all(found);
  }
  return result!;
}

/**
 * One refusal for data checked as a whole (a calendar year, a provision) whose checker returns
 * every problem with its path inside the data: the error keeps its own code and details, and
 * lists each problem as a validation error at `root.path`, so a form shows all of them at once.
 */
export function invalidAt(
  error: ValidationError,
  root: string | undefined,
  problems: readonly { code: string; path: string; message: string }[],
): ValidationError {
  error.inputErrors = problems.map((p) =>
    new ValidationError(error.code, 'BAD_USER_INPUT', p.message, {
      field: p.path,
      problem: p.code,
    }).at(root ? inputPath(`${root}.${p.path}`.replace(/\[(\d+)\]/g, '.$1')) : p.path),
  );
  return error;
}
