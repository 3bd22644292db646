import '@mantine/core/styles.css';
import './app/app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { I18nProvider } from './i18n/i18n.tsx';

// primaryShade 9: lighter shades leave white text on buttons (and red text on a hovered outline button,
// 5 % tint) under the WCAG AA contrast of 4.5:1; red.9 keeps 5.5:1.
const theme = createTheme({ primaryColor: 'red', primaryShade: 9, fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif' });

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
