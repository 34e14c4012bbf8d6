/** A value of a multipart form field: text, or a file. */
export type FormFieldValue = string | number | boolean | { data: Uint8Array; filename: string; mimeType: string };

/**
 * Builds a `FormData` from a flat record. Arrays and nested objects are
 * spelled the way PHP/Laravel-style APIs read them: `a[0][b]`.
 */
export function toFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const append = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (isFile(value)) {
      form.append(key, new Blob([value.data as Uint8Array<ArrayBuffer>], { type: value.mimeType }), value.filename);
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) append(`${key}[${index}]`, item);
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) append(`${key}[${child}]`, item);
    } else {
      form.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(fields)) append(key, value);
  return form;
}

function isFile(value: unknown): value is { data: Uint8Array; filename: string; mimeType: string } {
  return typeof value === 'object' && value !== null && (value as { data?: unknown }).data instanceof Uint8Array;
}
