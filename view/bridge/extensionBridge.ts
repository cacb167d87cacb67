/**
 * The Tags extension bridge as a view sees it. Adobe's loader script
 * (extensionbridge.min.js, loaded by each view's HTML) defines `window.extensionBridge`; the
 * Tags UI then drives the view through the three functions the view registers.
 */

/** What the Tags UI passes to `init`. Only the members the views read are typed. */
export interface InitInfo {
  /** Saved settings; null when the component is being created. */
  readonly settings: Record<string, unknown> | null;
  /** The extension's saved configuration (available to action views). */
  readonly extensionSettings?: Record<string, unknown> | null;
}

export interface ViewRegistration {
  init(info: InitInfo): void | Promise<void>;
  getSettings(): Record<string, unknown> | Promise<Record<string, unknown>>;
  validate(): boolean | Promise<boolean>;
}

export interface ExtensionBridge {
  register(registration: ViewRegistration): void;
  /** Resolves with the chosen data element; on edge, `tokenize` wraps it as `{{name}}`. */
  openDataElementSelector(options: { tokenize: boolean }): Promise<string | undefined | null>;
}

declare global {
  interface Window {
    extensionBridge?: ExtensionBridge;
  }
}

function bridge(): ExtensionBridge {
  if (!window.extensionBridge) {
    throw new Error('The Tags extension bridge is not loaded: open this view from Adobe Experience Platform Data Collection or the reactor sandbox.');
  }
  return window.extensionBridge;
}

export function registerView(registration: ViewRegistration): void {
  bridge().register(registration);
}

/** The chosen data element as a `{{name}}` token, or undefined when the user cancelled. */
export async function pickDataElement(): Promise<string | undefined> {
  const token = await bridge().openDataElementSelector({ tokenize: true });
  return typeof token === 'string' && token !== '' ? token : undefined;
}
