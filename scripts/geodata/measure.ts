/**
 * Fast line-to-line deviation. Brute force over segments in a local equirectangular
 * projection centred on each sample: accurate to well under a metre at this scale and
 * ~100x faster than turf.pointToLineDistance, so the build can try many thresholds.
 */
import type { Position } from 'geojson';

const R = 6371008.8; // mean Earth radius (m), same as Turf
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

/** Distance in metres from point p to the nearest segment of line. */
export function pointToLineM(p: Position, line: Position[]): number {
  const k = Math.cos(p[1] * RAD);
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) {
    const ax = (line[i][0] - p[0]) * k, ay = line[i][1] - p[1];
    const bx = (line[i + 1][0] - p[0]) * k, by = line[i + 1][1] - p[1];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    const ex = ax + t * dx, ey = ay + t * dy;
    const d2 = ex * ex + ey * ey;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best) * RAD * R;
}

/** Max distance (m) from the full line, sampled every stepM, to the simplified line. */
export function maxDeviationM(full: Position[], simplified: Position[], stepM = 100): { maxM: number; at: Position } {
  let maxM = 0, at = full[0];
  for (const p of sampleLine(full, stepM)) {
    const d = pointToLineM(p, simplified);
    if (d > maxM) { maxM = d; at = p; }
  }
  return { maxM, at };
}
