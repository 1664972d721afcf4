// Renderer entry: mounts the app with the Vietnamese locale by default.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/setup';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
