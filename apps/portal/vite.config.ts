import { defineConfig } from 'vite';

// The portal is plain React + TypeScript: Vite's own transformer compiles TSX with the
// automatic JSX runtime. `vite build` writes apps/portal/dist, which the api serves at `/`.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // `npx vite apps/portal` during development: the api runs on its own port.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
