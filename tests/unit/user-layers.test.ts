import { describe, expect, it } from 'vitest';
import { MAP_PART, MAP_PART_MAX, laterParts } from '../../src/map/user-layers.ts';

describe('laterParts: how a dense dataset goes to the map after its first part', () => {
  it.each([0, 1, MAP_PART, MAP_PART + 1, 3 * MAP_PART, 100_000, 250_001])('covers all %i features once, in order', (length) => {
    const parts = [[0, Math.min(length, MAP_PART)], ...laterParts(length)];
    let next = 0;
    for (const [from, to] of parts) {
      expect(from).toBe(next);
      expect(to).toBeGreaterThanOrEqual(from);
      next = to;
    }
    expect(next).toBe(length);
  });

  it('never hands over more at once than the map already has, nor more than MAP_PART_MAX', () => {
    for (const [from, to] of laterParts(250_001)) {
      expect(to - from).toBeLessThanOrEqual(from);
      expect(to - from).toBeLessThanOrEqual(MAP_PART_MAX);
    }
  });

  it('takes fewer steps for 100,000 events than parts of MAP_PART would', () => {
    const steps = [...laterParts(100_000)].length + 1;
    expect(steps).toBeLessThan(100_000 / MAP_PART / 2);
    expect(steps).toBeGreaterThan(100_000 / MAP_PART_MAX); // and none is over the cap
  });
});
