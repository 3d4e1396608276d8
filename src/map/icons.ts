/**
 * Point symbols drawn on a canvas at start-up (no sprite URL to fetch). Each attacker has its own
 * shape so the map reads without colour: triangle = launched by Iran, square = launched by Pakistan,
 * diamond = context strike elsewhere, gate = border crossing.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { Palette } from './palette.ts';

const SIZE = 40; // drawn at pixelRatio 2, so 20 CSS px
type Draw = (ctx: CanvasRenderingContext2D) => void;

const shapes: Record<string, Draw> = {
  'strike-IR': (c) => polygon(c, [[20, 3], [37, 34], [3, 34]]),
  'strike-PK': (c) => polygon(c, [[6, 6], [34, 6], [34, 34], [6, 34]]),
  'strike-context': (c) => polygon(c, [[20, 3], [37, 20], [20, 37], [3, 20]]),
  crossing: (c) => polygon(c, [[10, 10], [30, 10], [30, 30], [10, 30]]),
};

function polygon(ctx: CanvasRenderingContext2D, points: number[][]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
}

function fillFor(id: string, palette: Palette): string {
  if (id === 'strike-IR') return palette.attackerIR;
  if (id === 'strike-PK') return palette.attackerPK;
  if (id === 'strike-context') return palette.context;
  return palette.land;
}

export function addIcons(map: MlMap, palette: Palette): void {
  for (const [id, draw] of Object.entries(shapes)) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIZE;
    const ctx = canvas.getContext('2d')!;
    draw(ctx);
    ctx.fillStyle = fillFor(id, palette);
    ctx.fill();
    ctx.lineWidth = id === 'crossing' ? 4 : 3;
    ctx.strokeStyle = id === 'crossing' ? palette.place : palette.textHalo;
    ctx.stroke();
    const image = ctx.getImageData(0, 0, SIZE, SIZE);
    if (map.hasImage(id)) map.updateImage(id, image);
    else map.addImage(id, image, { pixelRatio: 2 });
  }
}
