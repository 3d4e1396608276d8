/**
 * Adds, changes and removes a <strike-map-layer> live. The points are the two provincial capitals
 * from geodata/places.geojson.
 */
const capitals = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Zahedan', province: 'Sistan and Baluchestan' }, geometry: { type: 'Point', coordinates: [60.8629, 29.4963] } },
    { type: 'Feature', properties: { name: 'Quetta', province: 'Balochistan' }, geometry: { type: 'Point', coordinates: [67.0014, 30.1841] } },
  ],
};

const map = document.querySelector('strike-map')!;
const button = (id: string) => document.getElementById(id) as HTMLButtonElement;

button('add-layer').addEventListener('click', () => {
  if (document.getElementById('capitals')) return;
  const layer = document.createElement('strike-map-layer');
  layer.id = 'capitals';
  layer.setAttribute('name', 'Provincial capitals');
  layer.setAttribute('color', '#2b8a3e');
  const script = document.createElement('script');
  script.type = 'application/geo+json';
  script.textContent = JSON.stringify(capitals);
  layer.append(script);
  map.append(layer);
});

button('change-layer').addEventListener('click', () => {
  const layer = document.getElementById('capitals');
  layer?.setAttribute('color', '#e03131');
  layer?.setAttribute('label', 'name');
});

button('remove-layer').addEventListener('click', () => document.getElementById('capitals')?.remove());
