/**
 * The schema library, configured once. zod's "mini" build is used because it is tree-shakable:
 * the bundled CLI carries a few tens of KB of it instead of 750 KB, which start-up pays for on
 * every command. Only named functions are re-exported, because re-exporting the namespace object
 * would keep all of zod (every locale included) alive in the bundle.
 */
import { boolean, config, minLength, object, optional, record, strictObject, string, trim } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
export type { infer as Infer } from 'zod/mini';

config(en());

export { boolean, object, optional, record, strictObject, string };

/** Returns a schema for a string that is not empty after trimming. */
export function nonEmptyString() {
  return string().check(trim(), minLength(1));
}
