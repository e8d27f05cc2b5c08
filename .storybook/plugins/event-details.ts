/**
 * The declarations behind the events' detail types, for the docs pages. custom-elements.json
 * says `CustomEvent<MailSendDetail>`; a reader wants the fields. This reads them from the source
 * with the TypeScript compiler, so the docs cannot drift from the code.
 */
import { relative, resolve } from 'node:path';
import ts from 'typescript';

/** One type named in an event's detail, as written in the source. */
export interface TypeDeclaration {
  name: string;
  /** Path of the declaring file, relative to the project root. */
  path: string;
  /** The declaration's text (interface or type alias), comments inside it included. */
  text: string;
}

/** Detail types by tag name, then event name. */
export type EventDetails = Record<string, Record<string, TypeDeclaration[]>>;

interface ManifestLike {
  modules: Array<{
    path: string;
    declarations?: Array<{
      tagName?: string;
      events?: Array<{ name?: string; type?: { text?: string } }>;
    }>;
  }>;
}

/** The `T` of `CustomEvent<T>`, or `undefined` for any other type text. */
export function detailTypeText(eventType: string | undefined): string | undefined {
  const match = /^CustomEvent<([\s\S]*)>$/.exec(eventType?.trim() ?? '');
  return match?.[1]?.trim();
}

/** Names of the types a detail type refers to at its top level (`{ a: A }` → `A`). */
export function referencedTypeNames(typeText: string): string[] {
  const file = ts.createSourceFile(
    'detail.ts',
    `type Detail = ${typeText};`,
    ts.ScriptTarget.Latest,
  );
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      if (!names.includes(name)) names.push(name);
      // `Array<X>`, `Promise<X>`: the arguments are what the reader needs.
      node.typeArguments?.forEach(visit);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file.statements[0]!);
  return names;
}

type TypeNode = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

const isTypeDeclaration = (node: ts.Node): node is TypeNode =>
  ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);

function declarationOf(symbol: ts.Symbol, checker: ts.TypeChecker): TypeNode | undefined {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return target.declarations?.find(isTypeDeclaration);
}

/** Names of the project's own types a declaration's members refer to. */
function memberTypeNames(declaration: TypeNode): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      if (!names.includes(node.typeName.text)) names.push(node.typeName.text);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(declaration, (child) => {
    if (child !== declaration.name) visit(child);
  });
  return names;
}

/**
 * Resolves every event detail type of the manifest's elements to its declarations, as seen
 * from the element's module (imports followed). Types outside the project (`Promise`, DOM
 * types) and `void`/`null` details are left out.
 */
export function eventDetails(manifest: ManifestLike, root: string): EventDetails {
  const modules = manifest.modules.filter((m) => m.declarations?.some((d) => d.tagName));
  const program = ts.createProgram({
    rootNames: modules.map((m) => resolve(root, m.path)),
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
  });
  const checker = program.getTypeChecker();
  const own = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && !program.isSourceFileFromExternalLibrary(f));
  // Every exported interface and type alias of the project by name (a name declared twice is
  // ambiguous and left out), for detail types a module names only in its JSDoc.
  const exported = new Map<string, TypeNode | null>();
  for (const file of own)
    for (const statement of file.statements)
      if (
        isTypeDeclaration(statement) &&
        statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      ) {
        const name = statement.name.text;
        exported.set(name, exported.has(name) ? null : statement);
      }
  const isOwn = (node: ts.Node) => own.includes(node.getSourceFile());
  const describe = (name: string, node: TypeNode): TypeDeclaration => ({
    name,
    path: relative(root, node.getSourceFile().fileName),
    text: node.getText(node.getSourceFile()),
  });
  const result: EventDetails = {};
  for (const mod of modules) {
    const source = program.getSourceFile(resolve(root, mod.path));
    if (!source) continue;
    const inScope = new Map(
      checker
        .getSymbolsInScope(source, ts.SymbolFlags.Type | ts.SymbolFlags.Alias)
        .map((s) => [s.name, s]),
    );
    for (const element of mod.declarations ?? []) {
      if (!element.tagName) continue;
      const byEvent: Record<string, TypeDeclaration[]> = {};
      for (const event of element.events ?? []) {
        const detail = detailTypeText(event.type?.text);
        if (!event.name || !detail) continue;
        const found: TypeDeclaration[] = [];
        const lookup = (name: string, from: TypeNode | undefined) => {
          const symbol = from ? undefined : inScope.get(name);
          const node =
            (symbol && declarationOf(symbol, checker)) ?? exported.get(name) ?? undefined;
          return node && isOwn(node) ? node : undefined;
        };
        // The detail's own types, then (one level down) the project types their members use.
        const top = referencedTypeNames(detail).flatMap((name) => {
          const node = lookup(name, undefined);
          return node ? [[name, node] as const] : [];
        });
        const seen = new Set(top.map(([name]) => name));
        for (const [name, node] of top) found.push(describe(name, node));
        for (const [, node] of top)
          for (const name of memberTypeNames(node)) {
            if (seen.has(name)) continue;
            seen.add(name);
            const nested = lookup(name, node);
            if (nested) found.push(describe(name, nested));
          }
        byEvent[event.name] = found;
      }
      result[element.tagName] = byEvent;
    }
  }
  return result;
}
