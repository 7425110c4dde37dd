// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // echarts and exceljs are loaded on demand (charts, Excel export) and are larger than the default
  // 500 kB warning; the entry bundle stays well below it.
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
