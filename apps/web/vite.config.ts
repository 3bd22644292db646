import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In `vite dev` the API and the OpenID provider (and its login pages) are proxied to the server, so
// the page and the provider share an origin as in production; run the server with
// PUBLIC_URL=http://localhost:5173 so the issuer and the web client's redirect URI match that origin.
const server = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': server, '/oidc': server, '/auth': server } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
