/**
 * Setup for `npm run mutate` only: one fast-check seed, so every mutant meets the same generated
 * cases, and no shrinking of a failure (a killed mutant only needs to fail once).
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20240118, endOnFailure: true });
