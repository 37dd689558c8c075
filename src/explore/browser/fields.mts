/**
 * Text fields keyed by the FieldKey of src/explore/controls.ts, so errors from resolveControls
 * can be shown beside the field they concern.
 */
import type { FieldError, FieldKey } from '../controls.js';

interface Field {
  input: HTMLInputElement;
  error: HTMLElement;
}

export class FieldRegistry {
  readonly #fields = new Map<FieldKey, Field>();

  add(key: FieldKey, input: HTMLInputElement, error: HTMLElement): void {
    this.#fields.set(key, { input, error });
  }

  /** Marks the fields named in `errors` invalid and clears every other field. */
  mark(errors: readonly FieldError[]): void {
    const byField = new Map(errors.map((error) => [error.field, error.message]));
    for (const [key, field] of this.#fields) {
      const message = byField.get(key);
      field.error.textContent = message ?? '';
      field.error.hidden = message === undefined;
      if (message === undefined) field.input.removeAttribute('aria-invalid');
      else field.input.setAttribute('aria-invalid', 'true');
    }
  }

  /** Opens the closed `<details>` elements around an invalid field, so the error can be seen. */
  reveal(errors: readonly FieldError[]): void {
    for (const error of errors) {
      let parent = this.#fields.get(error.field)?.input.parentElement ?? null;
      while (parent !== null) {
        if (parent instanceof HTMLDetailsElement) parent.open = true;
        parent = parent.parentElement;
      }
    }
  }
}
