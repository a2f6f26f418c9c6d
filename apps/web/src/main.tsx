import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { initI18n } from './app/i18n';
import { Providers } from './app/providers';
import { router } from './app/router';
import { prefetchMe } from './features/auth/api';
import './styles.css';

// Who is signed in decides the first page: asked while the languages load, not after the first render.
prefetchMe();
// Not a top-level await: Rolldown turns its chunk merging off for a module graph with one, and the
// first page then came in ≈ 45 chunks of 0.5–5 KB, each a round trip on a slow phone (bench/findings.md 10).
void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});
