// A contract error beside the form field it names (`error.field`, dotted for nested inputs). The
// text is a component, not a string frozen at the moment of the error, so switching the language
// turns it too: the core sends both languages, and the clerk reads the chosen one.
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from './api-errors';

/** The error's text in the screen's language, re-rendered when the language changes. */
export function FieldErrorText({ error }: { error: unknown }) {
  useTranslation();
  return <>{errorText(error)}</>;
}

/**
 * Shows `error` under the field `name`. antd renders a field's errors as nodes but types them as
 * strings; the node is what keeps the text in step with the language.
 */
export function setFieldError(form: FormInstance, name: string | (string | number)[], error: unknown): void {
  form.setFields([{ name, errors: [<FieldErrorText key="error" error={error} />] as unknown as string[] }]);
}

/** The field of `knownFields` the error names, if any. */
export function errorField(error: unknown, knownFields: readonly string[]): string | null {
  return error instanceof ApiError && error.data.field && knownFields.includes(error.data.field) ? error.data.field : null;
}

/**
 * Puts the error beside its field and the cursor in it. Returns true when it was placed; false means
 * the caller shows it elsewhere (an alert above the form).
 */
export function placeFieldError(form: FormInstance, error: unknown, knownFields: readonly string[]): boolean {
  const field = errorField(error, knownFields);
  if (!field) return false;
  setFieldError(form, field.split('.'), error);
  document.getElementById(field.split('.').join('_'))?.focus();
  return true;
}

/** The error when no field of the form shows it (for the alert above the form), else null. */
export function unplacedError(error: unknown, knownFields: readonly string[]): unknown {
  return error && !errorField(error, knownFields) ? error : null;
}
