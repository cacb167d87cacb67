/** Mounts a view in its HTML page inside Adobe's Spectrum theme. */
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from '@adobe/react-spectrum/Provider';
import { defaultTheme } from '@adobe/react-spectrum/defaultTheme';

export function renderView(view: ReactElement): void {
  const container = document.getElementById('content');
  if (!container) throw new Error('The view page has no #content element.');
  createRoot(container).render(
    <StrictMode>
      <Provider theme={defaultTheme} colorScheme="light" scale="medium">
        {view}
      </Provider>
    </StrictMode>
  );
}
