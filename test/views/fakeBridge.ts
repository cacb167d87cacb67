/** A fake Tags extension bridge for jsdom view tests: records the registration, fakes the picker. */
import { act } from '@testing-library/react';
import type { InitInfo, ViewRegistration } from '../../view/bridge/extensionBridge';

export const PICKED_TOKEN = '{{Some Element}}';

export interface FakeBridge {
  registration(): ViewRegistration;
  init(info: InitInfo): Promise<void>;
  validate(): Promise<boolean>;
  getSettings(): Promise<Record<string, unknown>>;
}

export function installFakeBridge(): FakeBridge {
  let registered: ViewRegistration | undefined;
  window.extensionBridge = {
    register: (registration) => {
      registered = registration;
    },
    openDataElementSelector: ({ tokenize }) => Promise.resolve(tokenize ? PICKED_TOKEN : 'Some Element')
  };
  const registration = (): ViewRegistration => {
    if (!registered) throw new Error('The view has not registered with the bridge.');
    return registered;
  };
  return {
    registration,
    init: (info) => act(async () => void (await registration().init(info))),
    validate: async () => {
      let valid = false;
      await act(async () => {
        valid = await registration().validate();
      });
      return valid;
    },
    getSettings: async () => registration().getSettings()
  };
}
