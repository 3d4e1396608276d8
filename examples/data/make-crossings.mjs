// Derives public/examples/data/crossings.geojson (the three official border crossings) from
// geodata/places.geojson. Run from the repo root: `node examples/data/make-crossings.mjs`.
// The output lives under public/ so Vite copies it verbatim to dist/examples/data/ (and serves it
// at the same URL in dev), which a page-relative `<strike-map-layer src>` needs.
import { readFileSync, writeFileSync } from 'node:fs';

const places = JSON.parse(readFileSync('geodata/places.geojson', 'utf8'));
const crossings = {
  type: 'FeatureCollection',
  features: places.features
    .filter((f) => f.properties.kind === 'crossing')
    .map((f) => ({
      type: 'Feature',
      properties: { name: f.properties.name, opened: f.properties.opened, note: f.properties.note },
      geometry: f.geometry,
    })),
};
writeFileSync('public/examples/data/crossings.geojson', JSON.stringify(crossings, null, 1) + '\n');
console.log(`${crossings.features.length} crossings written`);
