import { normalizeTemplateStatus, templateVariables } from '@wamux/core/adapter';

describe('normalizeTemplateStatus', () => {
  it.each([
    ['APPROVED', 'approved'],
    ['active', 'approved'],
    ['Enabled', 'approved'],
    ['PENDING', 'pending'],
    ['in_appeal', 'pending'],
    ['submitted', 'pending'],
    ['IN_REVIEW', 'pending'],
    ['pending_deletion', 'pending'],
    ['REJECTED', 'rejected'],
    ['paused', 'paused'],
    ['DISABLED', 'disabled'],
    ['deleted', 'disabled'],
    ['limit_exceeded', 'disabled'],
    ['something new', 'unknown'],
    ['', 'unknown'],
  ])('%p → %s', (vendor, expected) => {
    expect(normalizeTemplateStatus(vendor)).toBe(expected);
  });

  it('handles a missing status', () => {
    expect(normalizeTemplateStatus(undefined)).toBe('unknown');
    expect(normalizeTemplateStatus(null)).toBe('unknown');
  });
});

describe('templateVariables', () => {
  it('finds positional placeholders in order with component-scoped keys', () => {
    expect(templateVariables('body', 'Hi {{1}}, your order {{2}} ships {{ 3 }}.')).toEqual([
      { key: 'body-1', component: 'body', index: 1 },
      { key: 'body-2', component: 'body', index: 2 },
      { key: 'body-3', component: 'body', index: 3 },
    ]);
    expect(templateVariables('header', 'Order {{1}}')).toEqual([{ key: 'header-1', component: 'header', index: 1 }]);
  });

  it('finds named placeholders', () => {
    expect(templateVariables('body', 'Hello {{first_name}} from {{company.name}}')).toEqual([
      { key: 'first_name', component: 'body', name: 'first_name' },
      { key: 'company.name', component: 'body', name: 'company.name' },
    ]);
  });

  it('lists a repeated placeholder once', () => {
    expect(templateVariables('body', '{{1}} and {{1}} and {{2}}').map((v) => v.key)).toEqual(['body-1', 'body-2']);
  });

  it('ignores text without placeholders, broken braces and empty text', () => {
    expect(templateVariables('body', 'no variables {here} {{ }} {{a b}}')).toEqual([]);
    expect(templateVariables('body', undefined)).toEqual([]);
    expect(templateVariables('body', '')).toEqual([]);
  });
});
