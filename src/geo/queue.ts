/**
 * Minimal binary min-heap of (id, priority) pairs, in the style of mourner/flatqueue.
 * Internal to the nearest-segment search; not part of the public API.
 */
export class MinQueue {
  ids: number[] = [];
  values: number[] = [];
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(id: number, value: number): void {
    let pos = this.length++;
    const { ids, values } = this;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentValue = values[parent];
      if (value >= parentValue) break;
      ids[pos] = ids[parent];
      values[pos] = parentValue;
      pos = parent;
    }
    ids[pos] = id;
    values[pos] = value;
  }

  /** Priority of the smallest item; only valid when `length > 0`. */
  peekValue(): number {
    return this.values[0];
  }

  /** Remove and return the id with the smallest priority; only valid when `length > 0`. */
  pop(): number {
    const { ids, values } = this;
    const top = ids[0];
    const last = --this.length;
    if (last > 0) {
      const id = ids[last];
      const value = values[last];
      const half = last >> 1;
      let pos = 0;
      while (pos < half) {
        let left = (pos << 1) + 1;
        const right = left + 1;
        if (right < last && values[right] < values[left]) left = right;
        if (values[left] >= value) break;
        ids[pos] = ids[left];
        values[pos] = values[left];
        pos = left;
      }
      ids[pos] = id;
      values[pos] = value;
    }
    return top;
  }
}
