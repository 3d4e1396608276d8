/**
 * Line-to-line deviation for the build: samples along the full line, measured to the simplified
 * line with the project's own BorderIndex (exact great-circle distance, fast enough to try many
 * simplification thresholds).
 */
import type { Position } from 'geojson';
import { BorderIndex } from '../../src/geo/border-index.ts';
import { EARTH_RADIUS_KM } from '../../src/geo/units.ts';

const R = EARTH_RADIUS_KM * 1000; // the project's one mean Earth radius (Turf's), in m
const RAD = Math.PI / 180;

/** Points every ~stepM metres along a line, vertices included. */
export function sampleLine(line: Position[], stepM = 100): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < line.length - 1; i++) {
    const [x0, y0] = line[i], [x1, y1] = line[i + 1];
    const k = Math.cos(((y0 + y1) / 2) * RAD);
    const d = Math.hypot((x1 - x0) * k, y1 - y0) * RAD * R;
    const n = Math.max(1, Math.ceil(d / stepM));
    for (let j = 0; j < n; j++) out.push([x0 + ((x1 - x0) * j) / n, y0 + ((y1 - y0) * j) / n]);
  }
  out.push(line[line.length - 1]);
  return out;
}

/** Max distance (m) from the full line, sampled every stepM, to the simplified line. */
export function maxDeviationM(full: Position[], simplified: Position[], stepM = 100): { maxM: number; at: Position } {
  let maxM = 0, at = full[0];
  const index = new BorderIndex(simplified);
  for (const p of sampleLine(full, stepM)) {
    const d = index.nearest(p).km * 1000;
    if (d > maxM) { maxM = d; at = p; }
  }
  return { maxM, at };
}
