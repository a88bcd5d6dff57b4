/// <reference types="vitest/config" />
// Builds into the Python package (app/webapp/dist), served by the same aiohttp process at /app/.
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { poCatalogs } from "./scripts/po-catalogs.mjs";
import { gzipAssets } from "./scripts/gzip-assets.mjs";

export default defineConfig({
  base: "/app/",
  plugins: [preact(), poCatalogs(), gzipAssets()],
  build: {
    outDir: "../app/webapp/dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,          // no data: URLs for scripts or styles: the CSP allows only 'self'
    modulePreload: { polyfill: false },
    target: "es2020",
    reportCompressedSize: false,
  },
  test: { include: ["tests/**/*.test.ts"], environment: "node" },
});
