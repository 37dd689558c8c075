/**
 * Errors the library raises on bad input. Each carries a stable code so callers can branch on
 * it, and a message that names the value and says what to do.
 */
export type InputErrorCode =
  | 'unknown_method'
  | 'unknown_symbol'
  | 'missing_symbol'
  | 'invalid_value'
  | 'invalid_log_base'
  | 'default_cycle'
  | 'invalid_catalogue'
  | 'invalid_symbol_table'
  | 'invalid_formula';

export class InputError extends Error {
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}
