/**
 * `@customElement(tag)` as in `lit/decorators.js`, but one that registers the element only where a
 * custom-element registry exists: in Node, in server rendering (Next, Nuxt, Astro) and in workers
 * the class is still evaluated and exported, and nothing is defined. Keep the name: the Custom
 * Elements Manifest analyzer reads the tag names from decorators called `customElement`.
 */
type Constructor = CustomElementConstructor;

export function define(tagName: string, element: Constructor): void {
  globalThis.customElements?.define(tagName, element);
}

export const customElement =
  (tagName: string) =>
  (element: Constructor, context?: ClassDecoratorContext): void => {
    if (context !== undefined) context.addInitializer(() => define(tagName, element));
    else define(tagName, element);
  };
