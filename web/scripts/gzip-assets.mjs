// A Vite plugin: writes file.gz beside every built .js, .css, .html and .svg; aiohttp's FileResponse
// sends it to clients that accept gzip, so nothing is compressed per request.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(js|css|html|svg)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function gzipAssets() {
  let outDir = "";
  return {
    name: "gzip-assets",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const path of files(outDir)) {
        if (COMPRESSIBLE.test(path)) writeFileSync(path + ".gz", gzipSync(readFileSync(path), { level: 9 }));
      }
    },
  };
}
