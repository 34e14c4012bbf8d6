// The emulators' building blocks are a separate entry, so an app that loads
// the main entry (through an adapter) does not load emulator code.
import * as main from '@wamux/whatsapp-cloud';
import * as emulation from '@wamux/whatsapp-cloud/emulation';

it('the main entry exports none of the emulation entry', () => {
  const shared = Object.keys(emulation).filter((name) => name in main);
  expect(shared).toEqual([]);
});
