/**
 * The whole extension.json, built from the registry. `npm run build:manifest` writes it; the drift
 * test compares the committed file with this.
 */
import { actionSchema, configurationSchema, type JsonSchema } from './manifestSchema';
import { EXTENSION, SEND_WEB_EVENT_ACTION } from './registry';

/** Built library module of the action (CommonJS, self-contained). */
export const SEND_WEB_EVENT_LIB_PATH = 'dist/lib/actions/send-web-event.js';
export const VIEW_BASE_PATH = 'dist/view/';
export const CONFIGURATION_VIEW_PATH = 'configuration/configuration.html';
export const SEND_WEB_EVENT_VIEW_PATH = 'actions/send-web-event.html';
/** The extension's icon in the Tags catalog (SVG, as the edge package schema requires). */
export const ICON_PATH = 'resources/icon.svg';

export function buildManifest(version: string): JsonSchema {
  return {
    name: EXTENSION.name,
    platform: 'edge',
    version,
    displayName: EXTENSION.displayName,
    description:
      'Send server-side conversion events from Adobe event forwarding to the Amazon Ads Events API, with personal data normalised and SHA-256 hashed.',
    author: { name: 'amazon-web-events-api developers' },
    iconPath: ICON_PATH,
    viewBasePath: VIEW_BASE_PATH,
    configuration: {
      viewPath: CONFIGURATION_VIEW_PATH,
      schema: configurationSchema()
    },
    actions: [
      {
        name: SEND_WEB_EVENT_ACTION.name,
        displayName: SEND_WEB_EVENT_ACTION.displayName,
        libPath: SEND_WEB_EVENT_LIB_PATH,
        viewPath: SEND_WEB_EVENT_VIEW_PATH,
        schema: actionSchema()
      }
    ]
  };
}
