// The dashboard build: web/ → dist-web/, served by `regimes serve`. Everything is bundled (no CDN):
// React, Observable Plot and the world-atlas country shapes.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: {
    // `npx vite` for development: the API comes from a `regimes serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8377' },
  },
});
