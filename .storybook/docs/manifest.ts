/**
 * The parts of custom-elements.json (schema 2.x) the docs pages read, and the lookups over it.
 * Only what the elements' JSDoc documents is public: an undocumented member is an
 * implementation detail (or the analyzer reading `this.root.adoptedStyleSheets = …` in a vanilla
 * element as a field), so it shows neither in the docs nor as a control.
 */

export interface CemType {
  text?: string;
}

export interface CemNamed {
  name: string;
  description?: string;
  summary?: string;
  default?: string;
  type?: CemType;
}

export interface CemAttribute extends CemNamed {
  fieldName?: string;
}

export interface CemParameter extends CemNamed {
  optional?: boolean;
}

export interface CemMember extends CemNamed {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  readonly?: boolean;
  attribute?: string;
  parameters?: CemParameter[];
  return?: { type?: CemType };
}

export interface CemElement {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: CemAttribute[];
  members?: CemMember[];
  events?: CemNamed[];
  slots?: CemNamed[];
  cssParts?: CemNamed[];
  cssProperties?: CemNamed[];
}

export interface CemManifest {
  schemaVersion?: string;
  modules: Array<{ kind?: string; path: string; declarations?: CemElement[] }>;
}

/** The element declaring `tagName`, with the path of its module. */
export function findElement(
  manifest: CemManifest,
  tagName: string,
): { element: CemElement; path: string } | undefined {
  for (const mod of manifest.modules)
    for (const element of mod.declarations ?? [])
      if (element.tagName === tagName) return { element, path: mod.path };
  return undefined;
}

const isPublic = (member: CemMember) =>
  !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

const camelCase = (attribute: string) =>
  attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** One row of the attributes and properties table. */
export interface PropertyRow {
  /** The JavaScript property, when there is one. */
  property?: string;
  /** The HTML attribute, when there is one. */
  attribute?: string;
  type?: string;
  default?: string;
  description: string;
  readonly: boolean;
}

/** The field an attribute reflects: by `fieldName`, the member's `attribute`, or camelCase. */
function fieldOf(element: CemElement, attribute: CemAttribute): CemMember | undefined {
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  return (
    fields.find((f) => attribute.fieldName && f.name === attribute.fieldName) ??
    fields.find((f) => f.attribute === attribute.name) ??
    fields.find((f) => f.name === camelCase(attribute.name))
  );
}

/** Attributes with their properties, then documented properties that have no attribute. */
export function propertyRows(element: CemElement): PropertyRow[] {
  const rows: PropertyRow[] = [];
  const paired = new Set<CemMember>();
  for (const attribute of element.attributes ?? []) {
    const field = fieldOf(element, attribute);
    if (field) paired.add(field);
    const description = attribute.description ?? field?.description ?? '';
    rows.push({
      property: field?.name,
      attribute: attribute.name,
      type: attribute.type?.text ?? field?.type?.text,
      default: attribute.default ?? field?.default,
      description,
      readonly: field?.readonly ?? false,
    });
  }
  for (const member of element.members ?? [])
    if (member.kind === 'field' && isPublic(member) && member.description && !paired.has(member))
      rows.push({
        property: member.name,
        type: member.type?.text,
        default: member.default,
        description: member.description,
        readonly: member.readonly ?? false,
      });
  return rows;
}

/** Documented public methods. */
export function methods(element: CemElement): CemMember[] {
  return (element.members ?? []).filter((m) => m.kind === 'method' && isPublic(m) && m.description);
}

/** `name(a: A, b?: B): R` for a method. */
export function signature(method: CemMember): string {
  const params = (method.parameters ?? [])
    .map((p) => `${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`)
    .join(', ');
  return `${method.name}(${params}): ${method.return?.type?.text ?? 'void'}`;
}

/**
 * The manifest as Storybook's controls should see it (they list every field, private ones too):
 * only public fields that are documented or reflect an attribute, as in the docs tables.
 */
export function documentedManifest<M extends CemManifest>(manifest: M): M {
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((element) =>
        element.tagName
          ? {
              ...element,
              members: element.members?.filter(
                (m) => m.kind !== 'field' || (isPublic(m) && (m.description || m.attribute)),
              ),
            }
          : element,
      ),
    })),
  };
}
