// @vitest-environment jsdom
/**
 * The data element button: it asks the bridge for a tokenized data element and puts the token
 * in the field, appended to free text (so "order-{{id}}" can be built) and replacing other values.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Provider } from '@adobe/react-spectrum/Provider';
import { defaultTheme } from '@adobe/react-spectrum/defaultTheme';
import { SendWebEventView } from '../../view/actions/sendWebEvent/SendWebEventView';
import { installFakeBridge, PICKED_TOKEN } from './fakeBridge';

afterEach(cleanup);

function inputOf(path: string): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>(`[data-field-path="${path}"] input`);
  if (!input) throw new Error(`no input for ${path}`);
  return input;
}

describe('data element button', () => {
  it('appends the picked token to text and replaces the value of a number or pick-list field', async () => {
    const bridge = installFakeBridge();
    render(
      <Provider theme={defaultTheme}>
        <SendWebEventView />
      </Provider>
    );
    await bridge.init({
      settings: { event: { name: 'Purchase', id: 'order-' }, user: { email: '{{email}}' }, properties: { price: 5, currency: 'USD' } }
    });

    fireEvent.click(screen.getByRole('button', { name: 'Pick a data element for Event ID' }));
    await waitFor(() => expect(inputOf('event.id').value).toBe(`order-${PICKED_TOKEN}`));
    fireEvent.click(screen.getByRole('button', { name: 'Pick a data element for Price' }));
    await waitFor(() => expect(inputOf('properties.price').value).toBe(PICKED_TOKEN));
    fireEvent.click(screen.getByRole('button', { name: 'Pick a data element for Currency' }));
    await waitFor(() => expect(inputOf('properties.currency').value).toBe(PICKED_TOKEN));

    await expect(bridge.validate()).resolves.toBe(true);
    await expect(bridge.getSettings()).resolves.toEqual({
      event: { name: 'Purchase', id: `order-${PICKED_TOKEN}`, actionSource: 'WEBSITE' },
      user: { email: '{{email}}' },
      properties: { price: PICKED_TOKEN, currency: PICKED_TOKEN }
    });
  });
});
