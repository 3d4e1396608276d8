/**
 * Runs `release` if the element is still out of the page once the current task is over: a move
 * (taken out and put back in one go) keeps what the element holds, a removal frees it.
 */
export function releaseIfGone(element: Element, release: () => void): void {
  setTimeout(() => element.isConnected || release());
}
