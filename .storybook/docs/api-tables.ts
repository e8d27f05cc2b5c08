/** The API half of a docs page, from the element's entry in custom-elements.json. */
import { html, nothing, type TemplateResult } from 'lit';
import type { TypeDeclaration } from '../plugins/event-details.js';
import { methods, propertyRows, signature, type CemElement, type CemNamed } from './manifest.js';
import { codeBlock, inline } from './prose.js';

const code = (text: string | undefined) => (text ? html`<code>${text}</code>` : nothing);

function table(
  caption: string,
  headers: string[],
  rows: TemplateResult[],
  empty: string,
): TemplateResult {
  if (!rows.length) return html`<p class="none">${empty}</p>`;
  return html`<div class="table-scroll">
    <table>
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

function propertiesTable(element: CemElement): TemplateResult {
  const rows = propertyRows(element).map(
    (row) =>
      html`<tr>
        <th scope="row">
          <code class="name">${row.attribute ?? row.property}</code>
          ${
            row.attribute && row.property && row.property !== row.attribute
              ? html`<span class="secondary">property <code>${row.property}</code></span>`
              : nothing
          }
          ${row.readonly ? html`<span class="badge">read only</span>` : nothing}
        </th>
        <td>${code(row.type)}</td>
        <td>${code(row.default)}</td>
        <td>${inline(row.description)}</td>
      </tr>`,
  );
  return table(
    'Attributes and properties',
    ['Attribute / property', 'Type', 'Default', 'Description'],
    rows,
    'No attributes or properties.',
  );
}

function methodsTable(element: CemElement): TemplateResult {
  const rows = methods(element).map(
    (method) =>
      html`<tr>
        <th scope="row"><code class="name">${signature(method)}</code></th>
        <td>${inline(method.description)}</td>
      </tr>`,
  );
  return table('Methods', ['Method', 'Description'], rows, 'No public methods.');
}

/** `CustomEvent<X>` → `X`. */
const detailOf = (event: CemNamed) =>
  /^CustomEvent<([\s\S]*)>$/.exec(event.type?.text?.trim() ?? '')?.[1] ?? event.type?.text;

function eventsTable(element: CemElement): TemplateResult {
  const rows = (element.events ?? []).map(
    (event) =>
      html`<tr>
        <th scope="row"><code class="name">${event.name}</code></th>
        <td>${code(detailOf(event))}</td>
        <td>${inline(event.description)}</td>
      </tr>`,
  );
  return table('Events', ['Event', 'Detail', 'Description'], rows, 'No events.');
}

/** The declarations of the detail types, each once, in the order the events name them. */
function detailTypes(element: CemElement, details: Record<string, TypeDeclaration[]>) {
  const seen = new Map<string, TypeDeclaration>();
  for (const event of element.events ?? [])
    for (const declaration of details[event.name] ?? [])
      if (!seen.has(declaration.name)) seen.set(declaration.name, declaration);
  if (!seen.size) return nothing;
  return html`<h4 id="detail-types">Detail types</h4>
    ${[...seen.values()].map(
      (d) =>
        html`<figure class="declaration">
          <figcaption><code>${d.name}</code> <span class="secondary">${d.path}</span></figcaption>
          ${codeBlock(d.text, 'ts')}
        </figure>`,
    )}`;
}

function namedTable(caption: string, label: string, items: CemNamed[] | undefined, empty: string) {
  const rows = (items ?? []).map(
    (item) =>
      html`<tr>
        <th scope="row"><code class="name">${item.name || '(default)'}</code></th>
        <td>${inline(item.description)}</td>
      </tr>`,
  );
  return table(caption, [label, 'Description'], rows, empty);
}

/** Attributes and properties, methods, events with their detail types, slots, parts, CSS. */
export function apiTables(
  element: CemElement,
  details: Record<string, TypeDeclaration[]>,
): TemplateResult {
  return html`
    <h3 id="properties">Attributes and properties</h3>
    ${propertiesTable(element)}
    <h3 id="methods">Methods</h3>
    ${methodsTable(element)}
    <h3 id="events">Events</h3>
    <p>
      Every event is a <code>CustomEvent</code> that bubbles and crosses shadow roots
      (<code>composed</code>); the cancelable ones say so.
    </p>
    ${eventsTable(element)} ${detailTypes(element, details)}
    <h3 id="slots">Slots</h3>
    ${namedTable('Slots', 'Slot', element.slots, 'No slots.')}
    <h3 id="parts">CSS parts</h3>
    ${namedTable('CSS parts', 'Part', element.cssParts, 'No parts.')}
    <h3 id="css-properties">CSS custom properties</h3>
    ${namedTable(
      'CSS custom properties',
      'Property',
      element.cssProperties,
      'No custom properties.',
    )}
  `;
}
