/**
 * The pure payload builder: resolved settings + the XDM event + the current time → the request to
 * deliver, its log-safe body and warnings. Throws SettingsError before anything is sent.
 */
import { serialiseRequest, type RequestBody } from '../amazon/serialise';
import type { DeliveryRequest } from '../amazon/transport/types';
import { buildCanonicalEvent, type CanonicalEvent } from '../event/canonicalEvent';
import { parseSettings, type ParsedSettings } from '../settings/parse';

export interface PreparedEvent {
  readonly settings: ParsedSettings;
  readonly event: CanonicalEvent;
  readonly request: DeliveryRequest;
  /** The body as logs and the dry-run summary show it: hashed, IP address and raw IDs masked. */
  readonly logSafeBody: RequestBody;
  readonly warnings: readonly string[];
}

export async function prepareEvent(
  rawExtensionSettings: unknown,
  rawActionSettings: unknown,
  xdm: unknown,
  nowMs: number
): Promise<PreparedEvent> {
  const settings = parseSettings(rawExtensionSettings, rawActionSettings);
  const { event, warnings } = await buildCanonicalEvent(settings, xdm, nowMs);
  const { extension } = settings;
  const { body, logSafeBody } = serialiseRequest(event, extension.pixelCode);
  const request: DeliveryRequest = {
    api: extension.api,
    region: extension.region,
    advertiserId: extension.advertiserId,
    credentials: {
      clientId: extension.clientId,
      ...(extension.accessToken !== undefined ? { accessToken: extension.accessToken } : {}),
      ...(extension.refreshToken !== undefined ? { refreshToken: extension.refreshToken } : {}),
      ...(extension.clientSecret !== undefined ? { clientSecret: extension.clientSecret } : {})
    },
    body: JSON.stringify(body),
    bodyForLog: JSON.stringify(logSafeBody)
  };
  return { settings, event, request, logSafeBody, warnings };
}
