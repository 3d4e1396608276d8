/**
 * A value built on first use inside a test rather than when the test file loads. Same result for
 * the tests; for `npm run mutate` it means the code that builds it runs inside a test, so Stryker
 * knows which tests cover it (code run at load time counts as "static" and needs every test).
 */
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  return new Proxy({} as T, {
    get(_, key) {
      value ??= make();
      const member = Reflect.get(value, key, value);
      return typeof member === 'function' ? member.bind(value) : member;
    },
  });
}
