/** The review state of a message template, normalized. */
export type TemplateStatus = 'approved' | 'pending' | 'rejected' | 'paused' | 'disabled' | 'unknown';

/** One placeholder in a template. */
export interface TemplateVariable {
  /** The key to fill it by: `header-1`, `body-2`, or a named key such as `first_name`. */
  key: string;
  component: 'header' | 'body' | 'button';
  /** Position (1-based) for positional variables. */
  index?: number | undefined;
  /** Name for named variables. */
  name?: string | undefined;
}

/** A template button. */
export interface TemplateButton {
  type: 'quick_reply' | 'url' | 'phone_number' | 'copy_code' | 'other';
  text: string;
  url?: string | undefined;
  phoneNumber?: string | undefined;
}

/** A message template in one language, as the vendor lists it. */
export interface Template {
  /** The vendor's id for the template, when it has one. */
  id?: string | undefined;
  name: string;
  language: string;
  status: TemplateStatus;
  /** The vendor's status text, kept as sent. */
  vendorStatus?: string | undefined;
  category?: string | undefined;
  header?: { format: 'text' | 'image' | 'video' | 'document' | 'location'; text?: string | undefined } | undefined;
  body?: string | undefined;
  footer?: string | undefined;
  buttons?: TemplateButton[] | undefined;
  /** Every placeholder across header, body and buttons, in order. */
  variables: TemplateVariable[];
  raw: unknown;
}

/** Maps a vendor status string to the normalized one; unknown strings become `unknown`. */
export function normalizeTemplateStatus(vendorStatus: string | undefined | null): TemplateStatus {
  const s = (vendorStatus ?? '').toLowerCase();
  if (['approved', 'active', 'enabled'].includes(s)) return 'approved';
  if (['pending', 'in_appeal', 'pending_deletion', 'submitted', 'in_review'].includes(s)) return 'pending';
  if (s === 'rejected') return 'rejected';
  if (s === 'paused') return 'paused';
  if (['disabled', 'deleted', 'deactivated', 'limit_exceeded'].includes(s)) return 'disabled';
  return 'unknown';
}

/**
 * Finds the placeholders of one component's text: `{{1}}` becomes
 * `body-1`, `{{name}}` becomes `name`.
 */
export function templateVariables(component: 'header' | 'body', text: string | undefined): TemplateVariable[] {
  if (!text) return [];
  const seen = new Set<string>();
  const out: TemplateVariable[] = [];
  for (const match of text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
    const token = match[1] as string;
    if (seen.has(token)) continue;
    seen.add(token);
    out.push(/^\d+$/.test(token) ? { key: `${component}-${token}`, component, index: Number(token) } : { key: token, component, name: token });
  }
  return out;
}
