/** The message the geodata build stops with (a GeodataError), for tests of its rules. */
import { expect } from 'vitest';
import { GeodataError } from '../../scripts/geodata/validate.ts';

export function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GeodataError);
    return (error as Error).message;
  }
  throw new Error('the build accepted bad input');
}
