import { defineConfig } from 'vite';

// The team's web app: React, built to dist/web and served by `hearback serve`.
// JSX is compiled by esbuild (no React plugin needed for a production build).
export default defineConfig({
  root: 'web',
  base: '/',
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true },
  esbuild: { jsx: 'automatic' },
});
