import { renderDemo, runDemo } from '../../src/cli/demo';

test('the demo router column: the primary is switched off after the first send; the rest goes out once through the secondary', async () => {
  const [report] = await runDemo(['router']);
  expect(report?.provider).toBe('router');
  const outcome = (step: string) => report?.steps.find((s) => s.step === step)?.outcome ?? '';
  expect(outcome('send text')).toMatch(/^✓ sent via desk360 /);
  expect(outcome('primary switched off')).toBe('⏻ desk360 stopped');
  for (const step of ['send image', 'send template', 'send buttons']) expect(outcome(step)).toMatch(/^✓ sent via getchat /);
  expect(outcome('customer replies')).toMatch(/^✓ webhook 2\d\d/);
  // The first send after the switch that desk360 could carry failed over; then its circuit was open.
  expect(outcome('failovers')).toBe('desk360→getchat');
  expect(outcome('router health')).toBe('desk360 down, getchat up');
  expect(report?.events).toContain('interactive_reply button:yes');
  const text = renderDemo(report ? [report] : []);
  for (const line of text.split('\n').slice(1, -1)) expect([...line].length).toBeLessThanOrEqual(160);
});
