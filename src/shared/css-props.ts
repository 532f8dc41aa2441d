/**
 * Sets custom properties on an element through the CSSOM
 * (`style.setProperty`), which a strict Content-Security-Policy allows.
 * Lit's `styleMap` writes a `style` attribute on first render, which
 * `style-src 'self'` (without `'unsafe-inline'`) refuses.
 *
 *   html`<span class="fill" ${cssProps({ '--share': '40%' })}></span>`
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssPropsDirective extends Directive {
  private names = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() goes on an element, not in an attribute');
  }

  render(_props: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.names) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.names = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
