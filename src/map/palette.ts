/** Map colours for each theme. Attackers differ by shape as well as colour (see icons.ts). */
export interface Palette {
  sea: string;
  land: string;
  neighbour: string;
  neighbourLine: string;
  provinceIR: string;
  provincePK: string;
  provinceLine: string;
  districtLine: string;
  border: string;
  borderCasing: string;
  band: string;
  attackerIR: string;
  attackerPK: string;
  context: string;
  text: string;
  textHalo: string;
  place: string;
  measure: string;
}

export const palettes: Record<'light' | 'dark', Palette> = {
  light: {
    sea: '#cfe0ea',
    land: '#f3f1ec',
    neighbour: '#e9e6df',
    neighbourLine: '#a7a39a',
    provinceIR: '#ece3f3',
    provincePK: '#dff0ec',
    provinceLine: '#6b6b6b',
    districtLine: '#8d8d8d',
    border: '#1a1a1a',
    borderCasing: '#ffffff',
    band: '#b45309',
    attackerIR: '#7e22ce',
    attackerPK: '#0f766e',
    context: '#525252',
    text: '#1f2328',
    textHalo: '#ffffff',
    place: '#3b3b3b',
    measure: '#c2410c',
  },
  dark: {
    sea: '#0b1620',
    land: '#1b2026',
    neighbour: '#22282f',
    neighbourLine: '#5d6670',
    provinceIR: '#302540',
    provincePK: '#1c3431',
    provinceLine: '#9aa3ad',
    districtLine: '#77808a',
    border: '#f4f4f5',
    borderCasing: '#0b1620',
    band: '#f59e0b',
    attackerIR: '#d8b4fe',
    attackerPK: '#5eead4',
    context: '#d4d4d8',
    text: '#f1f3f5',
    textHalo: '#0b1620',
    place: '#e5e7eb',
    measure: '#fb923c',
  },
};
